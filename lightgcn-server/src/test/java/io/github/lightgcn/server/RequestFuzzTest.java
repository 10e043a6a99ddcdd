package io.github.lightgcn.server;

import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 malformed requests from a seeded generator: random paths, unknown and out-of-range parameters, bad
 * percent-encodings, broken JSON and XML, garbage and truncated gzip, bodies shorter than their Content-Length or
 * over the size limit, broken request lines and headers. Each must get a 4xx (never a 5xx, never no answer), and
 * the service must answer a real question exactly as before afterwards.
 */
class RequestFuzzTest {

    static final int REQUESTS = 10_000;
    static RecommendationServer server;
    static Http http;
    static RawHttp raw;
    static AnimeModel model;

    @BeforeAll
    static void start() throws IOException {
        model = AnimeModel.load(TestModels.get().modelA);
        server = RecommendationServer.start(ServerOptions.builder(TestModels.get().modelA).port(0)
                .watchInterval(Duration.ZERO).build());
        http = new Http(server.uri());
        raw = new RawHttp(server.uri());
    }

    @AfterAll
    static void stop() { server.close(); }

    private final Random random = new Random(18);

    private String pick(String... options) { return options[random.nextInt(options.length)]; }

    private String junk(int max) {
        String alphabet = "abcXYZ019 -_.~!*'();:@&=+$,/?#[]%\"<>\\^`{|}\u00e9\u65e5\t";
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }

    /** Percent-encodes some characters and leaves broken escapes in others. */
    private String encodedJunk(int max) {
        StringBuilder b = new StringBuilder();
        for (char c : junk(max).toCharArray()) {
            int dice = random.nextInt(10);
            if (dice == 0) b.append('%').append(pick("zz", "f", "", "0", "g1"));
            else if (Character.isLetterOrDigit(c) && c < 128) b.append(c);
            else for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) b.append(String.format("%%%02X", x));
        }
        return b.toString();
    }

    /** A query string that is wrong for the endpoint in at least one way. */
    private String badQuery(String endpoint) {
        int user = model.users().originalId(random.nextInt(model.users().size()));
        List<String> good = switch (endpoint) {
            case "/api/recommend" -> new ArrayList<>(List.of("user=" + user, "n=" + (1 + random.nextInt(100))));
            case "/api/similar" -> new ArrayList<>(List.of("anime=id:" + model.info(0).id()));
            case "/api/anime" -> new ArrayList<>(List.of("q=a"));
            default -> new ArrayList<>();
        };
        String bad = switch (random.nextInt(9)) {
            case 0 -> encodedJunk(6) + "x=" + encodedJunk(10); // an unknown parameter
            case 1 -> "n=" + pick("0", "101", "-3", "1e3", "9999999999999", "", "ten", "%20", "1.0", "0x10");
            case 2 -> "min_members=" + pick("-1", "100000001", "many", "");
            case 3 -> "include_adult=" + pick("yes", "no", "TRUE", "", "2", "%00");
            case 4 -> "genre=" + pick("Nope", "%zz", "%ff", "a%00b", "x".repeat(201));
            case 5 -> "type=" + pick("Nope", "%", "%e2%82", "TV%0a");
            case 6 -> "n=3&n=" + (1 + random.nextInt(100)); // repeated
            case 7 -> endpoint.equals("/api/anime") ? "q=" + pick("", "%20", "%zz") : "n=" + encodedJunk(4) + "%";
            default -> "%%" + encodedJunk(5) + "=%";
        };
        if (!good.isEmpty() && random.nextInt(4) == 0) good.remove(0); // a required parameter may be missing too
        good.add(random.nextInt(good.size() + 1), bad);
        return String.join("&", good);
    }

    private byte[] badJson() {
        String title = model.info(random.nextInt(model.anime().size())).title().replace("\"", "");
        String valid = "{\"likes\":[\"" + title + "\"," + model.info(0).id() + "],\"n\":" + (1 + random.nextInt(100))
                + "}";
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8); // truncated
            case 1 -> ("{\"likes\":" + pick("1", "\"x\"", "null", "{}", "[[1]]", "[null]", "[true]", "[1.5]", "[-1]",
                    "[\"\"]", "[]") + "}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"likes\":[1],\"" + pick("N", "nn", "genres", "likes2", "") + "\":1}").getBytes();
            case 3 -> ("{\"likes\":[1],\"n\":" + pick("0", "101", "\"10\"", "1.5", "null", "[]", "1e9") + "}").getBytes();
            case 4 -> { // invalid UTF-8 inside a string
                byte[] b = valid.getBytes(StandardCharsets.UTF_8);
                b[12 + random.nextInt(Math.max(1, title.length()))] = (byte) (0x80 + random.nextInt(64));
                yield b;
            }
            case 5 -> "[".repeat(1 + random.nextInt(3000)).getBytes();
            case 6 -> (valid + pick("}", ",", " x", "{}", "]")).getBytes(StandardCharsets.UTF_8);
            default -> randomBytes(1 + random.nextInt(300));
        };
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        if (b[0] == '{' || b[0] == '<') b[0] = '#';
        return b;
    }

    private byte[] badXml() {
        String valid = "<?xml version=\"1.0\"?><myanimelist><anime><series_animedb_id>" + model.info(0).id()
                + "</series_animedb_id><my_score>9</my_score><my_status>Completed</my_status></anime></myanimelist>";
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length())).getBytes(); // truncated
            case 1 -> ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/" + pick("passwd", "hosts")
                    + "\">]><myanimelist>&x;</myanimelist>").getBytes();
            case 2 -> "<!DOCTYPE lolz [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><myanimelist>&b;</myanimelist>"
                    .getBytes();
            case 3 -> gzip(valid.substring(0, random.nextInt(valid.length())).getBytes()); // gzip of a truncated list
            case 4 -> Arrays.copyOf(gzip(valid.getBytes()), 5 + random.nextInt(20)); // a truncated gzip stream
            case 5 -> valid.replace("</my_status>", pick("</my_stat>", "", "</anime>")).getBytes();
            default -> randomBytes(1 + random.nextInt(400));
        };
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A request that is broken at the HTTP level, as bytes. */
    private byte[] brokenHttp() {
        String json = "{\"likes\":[1]}";
        String s = switch (random.nextInt(10)) {
            case 0 -> "POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + (json.length() + 1 + random.nextInt(500)) + "\r\n\r\n" + json.substring(0, random.nextInt(json.length()));
            case 1 -> pick("GARBAGE", "GET", "GET /", "GET / HTTP/9.9", "\u0001\u0002", "GET /api/health HTTP/1.1\nX") + "\r\n\r\n";
            case 2 -> "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000 + random.nextInt(20000)) + "\r\n\r\n";
            case 3 -> "POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + pick("-1", "abc", "99999999999999999999", "1, 2") + "\r\n\r\n" + json;
            case 4 -> "POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                    + "chunked\r\n\r\n" + pick("zz\r\n", "5\r\n{\"lik\r\n", "FFFFFFFFFF\r\nab", "3\r\nabc\r\n");
            case 5 -> "POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: "
                    + (ServerOptions.MAX_BODY_BYTES + 1 + random.nextInt(1 << 20)) + "\r\n\r\n<myanimelist>";
            case 6 -> "GET /z" + junk(30).replace(" ", "%20").replace("#", "%23") + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 7 -> "GET /api/recommend?user=u" + junk(10).replace(" ", "").replace("#", "%23")
                    + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 8 -> pick("BREW", "PROPFIND", "TRACE", "PUT", "DELETE", "PATCH") + " /api/recommend HTTP/1.1\r\nHost: x"
                    + "\r\nContent-Length: 0\r\n\r\n";
            default -> "GET /api/health HTTP/1.1\r\nHost: x\r\n" + pick("Bad Header\r\n", ": empty\r\n",
                    "X: \u0000\r\n") + "\r\n";
        };
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyMalformedRequestGetsA4xxAndTheServiceKeepsAnswering() {
        int user = model.users().originalId(3);
        Http.Reply before = http.get("/api/recommend?user=" + user + "&n=10");
        assertEquals(200, before.status(), before::toString);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        String[] endpoints = {"/api/recommend", "/api/similar", "/api/anime", "/api/health", "/metrics"};
        for (int i = 0; i < REQUESTS; i++) {
            int kind = random.nextInt(100);
            Supplier<String> what;
            int status;
            if (kind < 15) { // a random path
                String path = "/" + pick("", "api/", "api/admin/", "..%2f", "%2e%2e/", "app.js/", "/")
                        + "z" + encodedJunk(20); // "z": never the start of a real path
                RawHttp.Reply r = raw.get(path.replace("%2", "%2").replace("#", "%23"));
                status = r.status();
                what = () -> "GET " + path + " -> " + r;
            } else if (kind < 40) { // a bad query string on a real endpoint
                String endpoint = endpoints[random.nextInt(3)];
                String target = endpoint + "?" + badQuery(endpoint);
                RawHttp.Reply r = raw.get(target.replace(" ", "%20").replace("#", "%23"));
                status = r.status();
                what = () -> "GET " + target + " -> " + r;
            } else if (kind < 60) {
                byte[] body = badJson();
                Http.Reply r = http.post("/api/recommend", "application/json", body);
                status = r.status();
                what = () -> "POST json " + new String(body, StandardCharsets.UTF_8) + " -> " + r;
            } else if (kind < 75) {
                byte[] body = badXml();
                String type = pick("application/xml", "application/gzip", "text/xml", "application/x-gzip");
                String query = random.nextBoolean() ? "" : "?min_score=" + pick("0", "11", "x", "7");
                Http.Reply r = http.post("/api/recommend" + query, type, body);
                status = r.status();
                what = () -> "POST " + type + query + " " + Arrays.toString(Arrays.copyOf(body, 40)) + " -> " + r;
            } else if (kind < 80) { // a wrong or missing content type, or a POST where only GET goes
                String type = pick(null, "text/plain", "multipart/form-data", "application/x-www-form-urlencoded", "");
                String path = pick("/api/recommend", "/api/similar", "/api/health", "/api/admin/reload");
                Http.Reply r = http.post(path, type == null || type.isEmpty() ? null : type, randomBytes(20));
                status = r.status();
                what = () -> "POST " + path + " (" + type + ") -> " + r;
            } else {
                byte[] request = brokenHttp();
                RawHttp.Reply r = raw.send(request);
                status = r.status();
                what = () -> new String(request, 0, Math.min(120, request.length), StandardCharsets.ISO_8859_1) + " -> "
                        + r;
            }
            byStatus.merge(status, 1, Integer::sum);
            if (status < 400 || status > 499) wrong.add(what.get());
        }
        System.out.println("fuzz: " + REQUESTS + " malformed requests, replies by status: " + byStatus);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " requests did not get a 4xx, e.g.:\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));

        Http.Reply after = http.get("/api/recommend?user=" + user + "&n=10");
        assertEquals(before.json(), after.json(), "the same answer after the fuzzing");
        assertEquals(200, http.get("/api/health").status());
        String metrics = http.get("/metrics").text();
        assertFalse(metrics.matches("(?s).*status=\"5\\d\\d\".*"), metrics);
        // the same request with the two clients still works: keep-alive and fresh connections
        assertEquals(200, raw.get("/api/recommend?user=" + user).status());
        assertEquals(200, http.send(HttpRequest.newBuilder(server.uri().resolve("/api/anime?q=a")).GET()).status());
    }
}
