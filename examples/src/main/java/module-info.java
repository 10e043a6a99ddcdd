/** The {@code ./lightgcn} command line: the anime recommender and split-file training over the library's API. */
module io.github.lightgcn.examples {
    requires io.github.lightgcn.core;
    requires io.github.lightgcn.io;
    requires io.github.lightgcn.server;
    requires java.logging;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires org.knowm.xchart;
    requires java.desktop;

    opens io.github.lightgcn.examples.cli to info.picocli; // picocli fills the option fields reflectively
    opens io.github.lightgcn.examples.training to info.picocli; // the training options mixin
}
