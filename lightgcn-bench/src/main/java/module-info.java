/**
 * JMH benchmarks and the reproduction runs. The one module the core exports its internal packages to, so that the
 * kernels, propagation and ranking can be measured on their own.
 */
module io.github.lightgcn.bench {
    requires io.github.lightgcn.core;
    requires io.github.lightgcn.io;
    requires jdk.incubator.vector;
    requires jmh.core;
    requires org.knowm.xchart;
    requires java.desktop;
    requires java.management;
    requires ejml.core;
    requires ejml.dsparse;

    opens io.github.lightgcn.bench; // JMH instantiates the benchmark states reflectively
}
