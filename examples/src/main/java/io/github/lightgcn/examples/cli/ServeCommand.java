package io.github.lightgcn.examples.cli;

import io.github.lightgcn.server.RecommendationServer;
import io.github.lightgcn.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code lightgcn serve}: the recommendation service and its web page over a saved model, until SIGTERM or Ctrl-C,
 * which stop it gracefully (requests in flight finish).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a model trained with 'lightgcn train --anime ... --ratings ...': JSON endpoints "
                + "(/api/recommend, /api/similar, /api/anime, /api/health), Prometheus /metrics and a web page at /.",
                "The model is reloaded when its file changes or on POST /api/admin/reload (with --admin-token); a "
                        + "damaged file is refused and the old model keeps serving."},
        footer = {"", "Examples:", "  lightgcn serve --model anime.lgcn",
                "  lightgcn serve --model anime.lgcn --host 0.0.0.0 --port 9000 \\",
                "      --admin-token \"$TOKEN\""})
final class ServeCommand implements Callable<Integer> {

    // java.util.logging keeps loggers weakly: hold the ones whose level is set
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");
    private static final Logger JAVALIN = Logger.getLogger("io.javalin");

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by train.")
    Path modelFile;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (0.0.0.0: every interface). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Enables POST /api/admin/reload for 'Authorization: Bearer TOKEN' (8+ characters).")
    String adminToken;

    @Option(names = "--watch-seconds", paramLabel = "S", defaultValue = "2",
            description = "How often the model file is checked for a new version (0: never). Default: ${DEFAULT-VALUE}.")
    int watchSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerOptions options;
        try {
            options = ServerOptions.builder(modelFile).host(host).port(port).adminToken(adminToken)
                    .watchInterval(Duration.ofSeconds(watchSeconds)).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value: " + e.getMessage()); // names the option's range
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %5$s%6$s%n");
        }
        JETTY.setLevel(Level.WARNING);
        JAVALIN.setLevel(Level.WARNING);
        RecommendationServer server = RecommendationServer.start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving " + modelFile + " on " + server.uri() + " (Ctrl-C or SIGTERM stops)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping: finishing the requests in flight ...");
            out.flush();
            server.close(); // requests in flight finish first
            out.println("stopped serving " + modelFile); // printed, not logged: the JVM resets its loggers now
            out.flush();
            stopped.countDown();
        }, "lightgcn-serve-stop"));
        stopped.await();
        return 0;
    }
}
