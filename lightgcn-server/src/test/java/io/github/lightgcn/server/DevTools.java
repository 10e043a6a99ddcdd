package io.github.lightgcn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's WebSocket client:
 * a fresh profile, no network but loopback, one page.
 */
final class DevTools implements AutoCloseable {

    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process browser, Path profile, WebSocket socket) {
        this.browser = browser;
        this.profile = profile;
        this.socket = socket;
    }

    static Path chromium() {
        return Path.of(System.getProperty("lightgcn.chromium", "/usr/bin/chromium"));
    }

    /** Starts the browser on about:blank and connects to its page. */
    static DevTools launch() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lightgcn-chromium");
        Process browser = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1280,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (!browser.isAlive() || System.nanoTime() > deadline) {
                browser.destroyForcibly();
                throw new IOException("chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String pageUrl = null;
        while (pageUrl == null && System.nanoTime() < deadline) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : Http.JSON.readTree(list)) {
                if (target.get("type").asText().equals("page")) pageUrl = target.get("webSocketDebuggerUrl").asText();
            }
            if (pageUrl == null) Thread.sleep(50);
        }
        if (pageUrl == null) throw new IOException("chromium opened no page");
        DevTools[] self = new DevTools[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    self[0].received(message);
                }
                ws.request(1);
                return null;
            }
        }).join();
        self[0] = new DevTools(browser, profile, socket);
        return self[0];
    }

    private void received(String message) {
        try {
            JsonNode json = Http.JSON.readTree(message);
            if (json.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(json.get("id").asInt());
                if (f != null) f.complete(json);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls a DevTools method and returns its result. */
    JsonNode call(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = Http.JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", Http.JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        JsonNode json = reply.orTimeout(30, TimeUnit.SECONDS).join();
        if (json.has("error")) throw new IllegalStateException(method + ": " + json.get("error"));
        return json.get("result");
    }

    /** The value of a JavaScript expression (awaited when it is a promise). */
    JsonNode eval(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        return result.get("result").get("value");
    }

    /** Waits until {@code condition} holds, or fails with {@code what}. */
    void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** A real mouse click at the middle of the first element matching {@code selector}. */
    void click(String selector) {
        JsonNode box = eval("(() => { const r = document.querySelector(" + Http.JSON.valueToTree(selector)
                + ").getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(),
                    "y", box.get("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** Types text into the focused element, as a keyboard would (input events). */
    void type(String text) {
        call("Input.insertText", Map.of("text", text));
    }

    void screenshot(Path png) throws IOException {
        String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.createDirectories(png.getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a profile file still held by a dying process: the temporary directory is cleaned later
        }
    }

}
