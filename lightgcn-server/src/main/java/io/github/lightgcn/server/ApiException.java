package io.github.lightgcn.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service answers with a 4xx: the status, one line for a person ({@code "error"}) that names the
 * parameter and its allowed range, or the unknown anime, and any extra fields of the reply (suggestions).
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> extra;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, Object> extra) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill in
        this.status = status;
        this.extra = new LinkedHashMap<>(extra);
    }

    static ApiException badRequest(String message) { return new ApiException(400, message); }

    int status() { return status; }

    /** The reply: {@code {"error": message, ...extra}}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(extra);
        return body;
    }
}
