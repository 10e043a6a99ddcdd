package io.github.lightgcn.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The errors Jetty answers itself, before a request reaches the routes (a malformed request line, a bad URI, headers
 * too large): the same {@code {"error": "..."}} as every other error, never an HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code, String message,
                                                 Throwable cause) {
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) { // the client's mistake, not the server's: a 4xx
            code = HttpStatus.BAD_REQUEST_400;
            message = "unsupported HTTP version (" + message + ")";
            response.setStatus(code);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(json(code, message)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(json(status, reason));
    }

    static byte[] json(int code, String message) {
        String text = "HTTP " + code + " " + HttpStatus.getMessage(code)
                + (message == null || message.equals(HttpStatus.getMessage(code)) ? "" : ": " + Echo.of(message));
        StringBuilder b = new StringBuilder("{\"error\":\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
