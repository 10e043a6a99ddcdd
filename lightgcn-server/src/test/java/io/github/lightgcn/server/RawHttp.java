package io.github.lightgcn.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for requests no well-behaved client sends (bad escapes, broken request lines, bodies shorter
 * than their Content-Length): writes the request, half-closes, and reads the reply's status line and body.
 */
final class RawHttp {

    /** A reply: the status (-1 when none came) and the body text. */
    record Reply(int status, String head, String body) {
        @Override
        public String toString() { return status + " " + head.lines().findFirst().orElse("") + " " + body; }
    }

    private final URI base;

    RawHttp(URI base) { this.base = base; }

    /** {@code GET target} with a well-formed rest of the request. */
    Reply get(String target) {
        return send(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends exactly {@code request}, then signals the end of what the client sends. */
    Reply send(byte[] request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int r; (r = in.read(buffer)) >= 0; ) bytes.write(buffer, 0, r);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came before the reset or the time-out is the reply
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = -1;
            if (head.startsWith("HTTP/1.1 ") && head.length() >= 12) status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, head, body);
        } catch (IOException e) {
            return new Reply(-1, e.toString(), "");
        }
    }
}
