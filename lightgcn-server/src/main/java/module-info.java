/**
 * The recommendation service: a saved anime model behind JSON endpoints, Prometheus metrics, hot reload and the
 * web page. Uses only the public API of the core and of the io module.
 */
module io.github.lightgcn.server {
    requires io.github.lightgcn.core;
    requires io.github.lightgcn.io;
    requires io.javalin;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.io;
    requires jakarta.servlet;
    requires com.fasterxml.jackson.databind;
    requires java.logging;

    exports io.github.lightgcn.server;
    opens io.github.lightgcn.server to com.fasterxml.jackson.databind; // the reply records are serialised reflectively
}
