package io.github.lightgcn.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeQueryException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The recommendation service over one saved anime model: JSON endpoints, Prometheus metrics, hot reload and the web
 * page, on Javalin (Jetty 12). Start it with {@link #start}; {@link #close} stops it gracefully (requests in flight
 * finish, for up to {@link ServerOptions#STOP_TIMEOUT}).
 *
 * <pre>
 *   GET  /api/health                                  the model's provenance
 *   GET  /api/recommend?user=ID&amp;n=10[&amp;genre&amp;type&amp;min_members&amp;include_adult]
 *   POST /api/recommend  {"likes": ["Cowboy Bebop", 5114], "n": 10}   a new user
 *   POST /api/recommend  (application/xml or gzip: a MyAnimeList export)[?min_score=7&amp;n&amp;filters]
 *   GET  /api/similar?anime=TITLE_OR_ID&amp;n=10[&amp;filters]
 *   GET  /api/anime?q=PREFIX&amp;n=10[&amp;include_adult]   title search
 *   GET  /metrics                                     Prometheus text
 *   POST /api/admin/reload                            Authorization: Bearer TOKEN
 * </pre>
 * A client's mistake is a 4xx with {@code {"error": "..."}}; nothing it sends gives a stack trace or a 500.
 */
public final class RecommendationServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecommendationServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STARTED = "lightgcn.started", REPLIED = "lightgcn.replied";
    private static final Set<String> FILTERS = Set.of("genre", "type", "min_members", "include_adult");

    private final ServerOptions options;
    private final ServerMetrics metrics;
    private final LiveModel live;
    private final Javalin app;

    private RecommendationServer(ServerOptions options, Clock clock) throws IOException {
        this.options = options;
        this.metrics = new ServerMetrics(clock);
        this.live = LiveModel.open(options.modelFile(), clock, metrics, options.watchInterval());
        metrics.watch(live::current);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = ServerOptions.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(ServerOptions.STOP_TIMEOUT.toMillis());
                server.setHandler(new GracefulHandler()); // Javalin puts its routes inside: stop waits for them
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                connector.setIdleTimeout(ServerOptions.REQUEST_TIMEOUT.toMillis());
                return connector;
            });
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            StaticPage.ASSETS.forEach((path, asset) -> config.routes.get(path, route("page", Set.of(), (ctx, q) -> {
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.contentType(asset.contentType()).result(asset.bytes());
            })));
            config.routes.get("/api/health", route("/api/health", Set.of(),
                    (ctx, q) -> reply(ctx, 200, Answers.health(live.current()))));
            config.routes.get("/api/recommend", route("/api/recommend", with(FILTERS, "user", "n"),
                    (ctx, q) -> reply(ctx, 200, Answers.forUser(live.current(), q.required("user", "a MAL user id"),
                            n(q), filter(q)))));
            config.routes.post("/api/recommend", route("/api/recommend", with(FILTERS, "n", "min_score"),
                    this::recommendPost));
            config.routes.get("/api/similar", route("/api/similar", with(FILTERS, "anime", "n"),
                    (ctx, q) -> reply(ctx, 200, Answers.similar(live.current(),
                            q.required("anime", "an anime title or MAL id"), n(q), filter(q)))));
            config.routes.get("/api/anime", route("/api/anime", Set.of("q", "n", "include_adult"),
                    (ctx, q) -> reply(ctx, 200, Answers.search(live.current(), q.required("q", "the start of a title"),
                            n(q), AnimeFilter.defaults().includeAdult(q.bool("include_adult", false))))));
            config.routes.get("/metrics", route("/metrics", Set.of(), (ctx, q) ->
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render())));
            config.routes.post("/api/admin/reload", route("/api/admin/reload", Set.of(), this::reload));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404 || e.getStatus() == 405) unmatched(ctx, e.getStatus());
                else error(ctx, e.getStatus(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(Level.SEVERE, "request " + ctx.method() + " " + ctx.path() + " failed", e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
            config.routes.error(404, ctx -> unmatched(ctx, 404));
            config.routes.error(405, ctx -> unmatched(ctx, 405));
        });
    }

    /**
     * Loads the model and starts serving it.
     *
     * @throws IOException when the model does not load (the message names the file) or the port cannot be bound
     */
    public static RecommendationServer start(ServerOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    static RecommendationServer start(ServerOptions options, Clock clock) throws IOException {
        RecommendationServer server = new RecommendationServer(options, clock);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.live.close();
            throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        LOG.info("serving " + options.modelFile() + " on " + server.uri());
        return server;
    }

    /** The port the service listens on. */
    public int port() { return app.port(); }

    /** The service's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Loads the model file again now (what {@code POST /api/admin/reload} does); the old model stays on failure. */
    public boolean reload() { return live.reload("asked by the program").loaded(); }

    /** Stops accepting connections, lets requests in flight finish, then stops. */
    @Override
    public void close() {
        live.close();
        app.stop();
        LOG.info("stopped serving " + options.modelFile());
    }

    private interface QueryHandler {
        void handle(Context ctx, Query query) throws Exception;
    }

    /** A route: the query parsed against its parameters, client errors as JSON, every answer counted and timed. */
    private Handler route(String endpoint, Set<String> parameters, QueryHandler handler) {
        return ctx -> {
            long started = started(ctx);
            try {
                handler.handle(ctx, Query.parse(endpoint, ctx.queryString(), parameters));
            } catch (ApiException e) {
                reply(ctx, e.status(), e.body());
            } catch (AnimeQueryException e) {
                ApiException api = Answers.queryError(e);
                reply(ctx, api.status(), api.body());
            } finally {
                metrics.record(endpoint, ctx.method().name(), ctx.statusCode(), System.nanoTime() - started);
            }
        };
    }

    private void recommendPost(Context ctx, Query q) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        byte[] body = Bodies.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), started(ctx));
        switch (type) {
            case "application/json" -> {
                if (!q.isEmpty()) {
                    throw ApiException.badRequest("with a JSON body, every parameter goes in the body (likes, n, genre, "
                            + "type, min_members, include_adult), not in the query string");
                }
                reply(ctx, 200, Answers.forLikes(live.current(), Bodies.likes(body)));
            }
            case "application/xml", "text/xml", "application/gzip", "application/x-gzip" ->
                    reply(ctx, 200, Answers.forMalList(live.current(), body, q.integer("min_score", 1, 10, 7), n(q),
                            filter(q)));
            default -> throw new ApiException(415, "Content-Type must be application/json (a list of likes) or "
                    + "application/xml or application/gzip (a MyAnimeList list export), got '"
                    + Echo.of(type) + "'");
        }
    }

    private void reload(Context ctx, Query q) {
        if (options.adminToken() == null) {
            throw new ApiException(403, "the admin endpoints are disabled: start the service with --admin-token");
        }
        String auth = ctx.header("Authorization");
        String given = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                options.adminToken().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "POST /api/admin/reload needs the header 'Authorization: Bearer TOKEN' with "
                    + "the service's admin token");
        }
        LiveModel.Reload result = live.reload("POST /api/admin/reload");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(result.loaded() ? "status" : "error", result.loaded() ? "reloaded" : result.message());
        if (result.loaded()) body.put("message", result.message());
        body.put("model", Answers.health(result.serving()).get("model"));
        reply(ctx, result.loaded() ? 200 : 409, body);
    }

    private static int n(Query q) { return q.integer("n", 1, ServerOptions.MAX_N, 10); }

    private static AnimeFilter filter(Query q) {
        return AnimeFilter.defaults().includeAdult(q.bool("include_adult", false)).genre(q.string("genre"))
                .type(q.string("type")).minMembers(q.integer("min_members", 0, AnimeFilter.MAX_MIN_MEMBERS, 0));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(List.of(more));
        all.addAll(new java.util.TreeSet<>(base));
        return all;
    }

    private void unmatched(Context ctx, int status) {
        if (ctx.attribute(REPLIED) != null) return; // a route's own 404 reply
        error(ctx, status, status == 405 ? ctx.method() + " is not allowed on " + Echo.of(ctx.path())
                : "no such endpoint: " + ctx.method() + " " + Echo.of(ctx.path()) + " (see GET / for the page, "
                + "/api/health, /api/recommend, /api/similar, /api/anime, /metrics)");
        metrics.record("unmatched", "-", status, System.nanoTime() - started(ctx));
    }

    private static long started(Context ctx) {
        Long started = ctx.attribute(STARTED);
        return started != null ? started : System.nanoTime();
    }

    private static void error(Context ctx, int status, String message) {
        reply(ctx, status, Map.of("error", message == null ? "HTTP " + status : message));
    }

    private static void reply(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
            ctx.attribute(REPLIED, Boolean.TRUE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply did not serialise", e); // our records always do
        }
    }
}
