package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lightgcn serve} as a process: it prints where it listens, and SIGTERM stops it gracefully: a request whose
 * body is still arriving when the signal comes is answered in full, new connections are refused.
 */
class ServeCommandTest {

    @TempDir
    static Path dir;
    static Path modelFile;

    @BeforeAll
    static void train() throws IOException {
        GeneratedData data = MalGenerator.generate(dir.resolve("mal"), 3000, 5);
        modelFile = dir.resolve("m.lgcn");
        CliRun r = CliRun.of("train", "--anime", data.animeCsv().toString(), "--ratings", data.ratingsCsv().toString(),
                "--epochs", "5", "--threads", "1", "--model-out", modelFile.toString());
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun port = CliRun.of("serve", "--model", modelFile.toString(), "--port", "70000");
        assertEquals(2, port.exitCode(), port::toString);
        assertTrue(port.err().contains("port must be in [0, 65535], got 70000"), port::toString);
        CliRun token = CliRun.of("serve", "--model", modelFile.toString(), "--admin-token", "abc");
        assertEquals(2, token.exitCode(), token::toString);
        assertTrue(token.err().contains("at least 8"), token::toString);
        CliRun missing = CliRun.of("serve", "--model", dir.resolve("none.lgcn").toString(), "--port", "0");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertTrue(missing.err().startsWith("error: model file not found: "), missing::toString);
    }

    @Test
    void sigtermLetsTheRequestInFlightFinish() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), LightGcnCli.class.getName(), "serve", "--model",
                modelFile.toString(), "--port", "0", "--watch-seconds", "0")
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) output.add(line);
            } catch (IOException e) {
                output.add("(output ended: " + e + ")");
            }
        });
        try {
            Pattern serving = Pattern.compile("^serving .* on http://127\\.0\\.0\\.1:(\\d+)/ \\(Ctrl-C or SIGTERM stops\\)$");
            int port = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (port < 0 && System.nanoTime() < deadline && server.isAlive()) {
                synchronized (output) {
                    for (String line : output) {
                        Matcher m = serving.matcher(line);
                        if (m.find()) port = Integer.parseInt(m.group(1));
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(port > 0, () -> String.join("\n", output));

            byte[] body = "{\"likes\": [1, 2, 3], \"n\": 5}".getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(500); // the request is in the handler, reading its body
                server.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
                Thread.sleep(500);
                int finalPort = port;
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", finalPort).close(),
                        "a stopping service accepts no new connection");
                out.write(body, 10, body.length - 10);
                out.flush();
                String reply = readAll(s.getInputStream());
                assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
                assertTrue(reply.contains("\"items\":[{"), reply);
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the service stopped");
            reader.join(10_000);
            assertEquals(143, server.exitValue(), () -> String.join("\n", output)); // 128 + SIGTERM
            assertTrue(output.stream().anyMatch(l -> l.contains("stopped serving " + modelFile)),
                    () -> String.join("\n", output));
        } finally {
            server.destroyForcibly();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

}
