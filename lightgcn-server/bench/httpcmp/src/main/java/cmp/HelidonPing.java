package cmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.util.Map;

public class HelidonPing {
    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        WebServer.builder().host("127.0.0.1").port(8092).routing(r -> r.get("/api/ping", (req, res) -> {
            int n = Integer.parseInt(req.query().first("n").orElse("10"));
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json.writeValueAsBytes(Map.of("status", "ok", "n", Work.score(n))));
        })).build().start();
    }
}
