package cmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.Map;

public class JavalinPing {
    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Javalin.create(c -> {
            c.jetty.port = 8091;
            c.jetty.host = "127.0.0.1";
            c.startup.showJavalinBanner = false;
            c.routes.get("/api/ping", ctx -> {
                int n = Integer.parseInt(ctx.queryParamAsClass("n", String.class).getOrDefault("10"));
                ctx.contentType("application/json").result(json.writeValueAsBytes(Map.of("status", "ok", "n", Work.score(n))));
            });
        }).start();
    }
}
