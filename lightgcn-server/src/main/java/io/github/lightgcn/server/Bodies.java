package io.github.lightgcn.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeLookup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Request bodies: read within the size and time limits ({@value ServerOptions#MAX_BODY_BYTES} bytes, 413 above;
 * {@link ServerOptions#REQUEST_TIMEOUT}, 408 after), and the JSON of a new user's likes, checked field by field.
 */
final class Bodies {

    /** The fields of {@code POST /api/recommend} with a JSON body. */
    static final Set<String> LIKES_FIELDS = Set.of("likes", "n", "genre", "type", "min_members", "include_adult");

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Bodies() {}

    /** What a new user asked for: the likes as typed (a JSON number becomes {@code id:N}), how many, which anime. */
    record Likes(List<String> likes, int n, AnimeFilter filter) {}

    /**
     * The whole body of a request.
     *
     * @param contentLength the declared length, or -1 (chunked)
     * @param started       {@link System#nanoTime()} when the request arrived
     */
    static byte[] read(InputStream in, long contentLength, long started) {
        if (contentLength > ServerOptions.MAX_BODY_BYTES) throw tooLarge(contentLength + " bytes");
        ByteArrayOutputStream body = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 8192);
        byte[] buffer = new byte[16384];
        long deadline = started + ServerOptions.REQUEST_TIMEOUT.toNanos();
        try {
            for (int r; (r = in.read(buffer)) >= 0; ) {
                body.write(buffer, 0, r);
                if (body.size() > ServerOptions.MAX_BODY_BYTES) throw tooLarge("more than that");
                if (System.nanoTime() > deadline) {
                    throw new ApiException(408, "the request body took longer than "
                            + ServerOptions.REQUEST_TIMEOUT.toSeconds() + " s to arrive");
                }
            }
        } catch (IOException e) { // the client stopped sending before the declared length, or reset the connection
            throw ApiException.badRequest("the request body ended early (" + body.size() + " bytes read"
                    + (contentLength >= 0 ? " of " + contentLength : "") + ")");
        }
        if (contentLength >= 0 && body.size() != contentLength) {
            throw ApiException.badRequest("the request body has " + body.size() + " bytes, Content-Length says "
                    + contentLength);
        }
        return body.toByteArray();
    }

    private static ApiException tooLarge(String size) {
        return new ApiException(413, "the request body is " + size + "; at most " + ServerOptions.MAX_BODY_BYTES
                + " bytes (2 MiB) are taken");
    }

    /** The likes of {@code {"likes": ["Cowboy Bebop", 5114], "n": 10, ...}}. */
    static Likes likes(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + Echo.of(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object like {\"likes\": [\"Cowboy Bebop\", 5114], "
                    + "\"n\": 10}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LIKES_FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + Echo.of(name) + "'; the body takes likes, n, genre, "
                        + "type, min_members, include_adult");
            }
        }
        JsonNode likes = root.get("likes");
        if (likes == null || !likes.isArray() || likes.isEmpty() || likes.size() > ServerOptions.MAX_LIKES) {
            throw ApiException.badRequest("field 'likes' must be an array of 1 to " + ServerOptions.MAX_LIKES
                    + " anime titles or MAL ids" + (likes != null && likes.isArray() ? ", got " + likes.size() : ""));
        }
        List<String> queries = new ArrayList<>(likes.size());
        for (JsonNode like : likes) {
            if (like.isTextual() && !like.asText().isBlank() && like.asText().length() <= ServerOptions.MAX_QUERY_CHARS) {
                queries.add(like.asText());
            } else if (like.canConvertToInt() && like.isIntegralNumber() && like.asInt() >= 0) {
                queries.add(AnimeLookup.ID_PREFIX + like.asInt()); // a number is a MAL id, never a title
            } else {
                throw ApiException.badRequest("field 'likes' must hold titles (1 to " + ServerOptions.MAX_QUERY_CHARS
                        + " characters) or MAL ids (integers >= 0), got " + Echo.of(like.toString()));
            }
        }
        int n = integer(root, "n", 1, ServerOptions.MAX_N, 10);
        int minMembers = integer(root, "min_members", 0, AnimeFilter.MAX_MIN_MEMBERS, 0);
        JsonNode adult = root.get("include_adult");
        if (adult != null && !adult.isBoolean()) {
            throw ApiException.badRequest("field 'include_adult' must be true or false, got " + Echo.of(adult.toString()));
        }
        AnimeFilter filter = AnimeFilter.defaults().includeAdult(adult != null && adult.asBoolean())
                .genre(text(root, "genre")).type(text(root, "type")).minMembers(minMembers);
        return new Likes(queries, n, filter);
    }

    private static int integer(JsonNode root, String field, int min, int max, int absent) {
        JsonNode v = root.get(field);
        if (v == null) return absent;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ApiException.badRequest("field '" + field + "' must be an integer in [" + min + ", " + max
                    + "], got " + Echo.of(v.toString()));
        }
        return v.asInt();
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().length() > ServerOptions.MAX_QUERY_CHARS) {
            throw ApiException.badRequest("field '" + field + "' must be a string of at most "
                    + ServerOptions.MAX_QUERY_CHARS + " characters, got " + Echo.of(v.toString()));
        }
        return v.asText();
    }
}
