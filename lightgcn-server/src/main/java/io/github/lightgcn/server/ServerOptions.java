package io.github.lightgcn.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RecommendationServer} runs: the model file, the address it binds (127.0.0.1 unless told otherwise),
 * the admin token that unlocks {@code POST /api/admin/reload} (none: the admin endpoint refuses every request), and
 * how often the model file is checked for a new version. The request limits are constants: they protect the
 * service, they are not tuning knobs.
 */
public final class ServerOptions {

    /** The most results one request may ask for ({@code n}). */
    public static final int MAX_N = 100;
    /** The most likes one new user may give. */
    public static final int MAX_LIKES = 1_000;
    /** The largest request body, in bytes (a MAL list export, compressed or not, is far smaller). */
    public static final int MAX_BODY_BYTES = 2 << 20;
    /** The longest query parameter value, in characters. */
    public static final int MAX_QUERY_CHARS = 200;
    /** The longest a request body may take to arrive; also the idle time after which a connection is closed. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stop waits for requests in flight. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path modelFile;
    private final String host;
    private final int port;
    private final String adminToken;
    private final Duration watchInterval;

    private ServerOptions(Builder b) {
        this.modelFile = b.modelFile;
        this.host = b.host;
        this.port = b.port;
        this.adminToken = b.adminToken;
        this.watchInterval = b.watchInterval;
    }

    /** Options for serving {@code modelFile} on 127.0.0.1:8080, no admin token, the file checked every 2 s. */
    public static Builder builder(Path modelFile) { return new Builder(modelFile); }

    /** The model file served (and watched). */
    public Path modelFile() { return modelFile; }

    /** The address bound. */
    public String host() { return host; }

    /** The port bound; 0 picks a free one ({@link RecommendationServer#port()} tells which). */
    public int port() { return port; }

    /** The admin token, or null when the admin endpoint is disabled. */
    public String adminToken() { return adminToken; }

    /** How often the model file is checked for changes; {@link Duration#ZERO} when it is not watched. */
    public Duration watchInterval() { return watchInterval; }

    /** Builds {@link ServerOptions}; every setter checks its value. */
    public static final class Builder {
        private final Path modelFile;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String adminToken;
        private Duration watchInterval = Duration.ofSeconds(2);

        private Builder(Path modelFile) {
            this.modelFile = Objects.requireNonNull(modelFile, "modelFile");
        }

        /** The address to bind, e.g. {@code 0.0.0.0} for every interface (default 127.0.0.1). */
        public Builder host(String host) {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be blank");
            this.host = host.strip();
            return this;
        }

        /** @throws IllegalArgumentException when port is outside [0, 65535] */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The token that {@code POST /api/admin/reload} requires ({@code Authorization: Bearer TOKEN}); null for no
         * admin endpoint.
         *
         * @throws IllegalArgumentException when the token is shorter than 8 characters or has blanks
         */
        public Builder adminToken(String token) {
            if (token != null && (token.length() < 8 || token.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
                throw new IllegalArgumentException("the admin token must be at least 8 printable ASCII characters "
                        + "without blanks");
            }
            this.adminToken = token;
            return this;
        }

        /** @throws IllegalArgumentException when the interval is negative or above one hour (ZERO: not watched) */
        public Builder watchInterval(Duration interval) {
            if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("the watch interval must be in [0, 1 h], got " + interval);
            }
            this.watchInterval = interval;
            return this;
        }

        /** The options. */
        public ServerOptions build() { return new ServerOptions(this); }
    }
}
