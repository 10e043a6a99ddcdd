package io.github.lightgcn.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web page: a fixed set of files read from the jar once, served by name. Nothing outside this set can be asked
 * for, so no path (with {@code ..}, encoded slashes or anything else) reaches a file system.
 */
final class StaticPage {

    /** A file of the page. */
    record Asset(byte[] bytes, String contentType) {}

    /** URL path to asset. */
    static final Map<String, Asset> ASSETS = Map.of(
            "/", load("index.html", "text/html; charset=utf-8"),
            "/app.js", load("app.js", "text/javascript; charset=utf-8"),
            "/style.css", load("style.css", "text/css; charset=utf-8"));

    private StaticPage() {}

    private static Asset load(String name, String contentType) {
        try (InputStream in = StaticPage.class.getResourceAsStream("web/" + name)) {
            if (in == null) throw new IllegalStateException("web/" + name + " is missing from the jar");
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
