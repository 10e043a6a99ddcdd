package io.github.lightgcn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.SimilarOptions;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint over real HTTP on loopback, with the JDK's client, including every error case; each answer is
 * compared with the library's own answer to the same question (what the command line prints).
 */
class EndpointsTest {

    static final String TOKEN = "test-admin-token";
    static RecommendationServer server;
    static Http http;
    static AnimeModel model;

    @BeforeAll
    static void start() throws IOException {
        TestModels models = TestModels.get();
        model = AnimeModel.load(models.modelA);
        server = RecommendationServer.start(ServerOptions.builder(models.modelA).port(0).adminToken(TOKEN)
                .watchInterval(Duration.ZERO).build());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static void assertError(Http.Reply r, int status, String... fragments) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/json"), r::toString);
        assertNotNull(r.error(), r::toString);
        for (String f : fragments) assertTrue(r.error().contains(f), () -> "'" + f + "' not in " + r);
        assertFalse(r.text().contains("\tat ") || r.text().contains("Caused by"), r::toString);
    }

    static void assertItems(List<ScoredItem> expected, JsonNode items) {
        assertEquals(expected.size(), items.size(), items::toString);
        for (int i = 0; i < expected.size(); i++) {
            AnimeInfo a = model.info(expected.get(i).item());
            JsonNode item = items.get(i);
            assertEquals(a.id(), item.get("id").asInt());
            assertEquals(a.title(), item.get("title").asText());
            assertEquals(a.genres().size(), item.get("genres").size());
            assertEquals(a.type(), item.get("type").asText());
            assertEquals(a.members(), item.get("members").asInt());
            assertEquals(expected.get(i).score(), item.get("score").floatValue(), 0f);
        }
    }

    static IntPredicate defaults() { return AnimeFilter.defaults().excluded(model); }

    /** Titles that name exactly one anime and contain no comma, from index {@code from} on. */
    static List<AnimeInfo> uniqueTitles(int from, int count) {
        List<AnimeInfo> found = new ArrayList<>();
        for (int i = from; i < model.anime().size() && found.size() < count; i++) {
            AnimeInfo a = model.info(i);
            if (model.catalog().titles().exact(a.title()).size() == 1 && !a.isAdult()) found.add(a);
        }
        return found;
    }

    @Test
    void healthShowsTheProvenance() {
        Http.Reply r = http.get("/api/health");
        assertEquals(200, r.status(), r::toString);
        assertEquals("ok", r.json().get("status").asText());
        JsonNode m = r.json().get("model");
        assertEquals(model.model().provenance().trainFingerprint(), m.get("fingerprint").asText());
        assertEquals(15, m.get("epochs").asInt());
        assertEquals(model.model().provenance().created().toString(), m.get("created").asText());
        assertEquals(model.model().provenance().libraryVersion(), m.get("library").asText());
        assertEquals(model.anime().size(), m.get("anime").asInt());
    }

    @Test
    void knownUserGetsTheLibrarysAnswer() {
        for (int user : new int[] {0, 7, model.users().size() - 1}) {
            int id = model.users().originalId(user);
            Http.Reply r = http.get("/api/recommend?user=" + id + "&n=10");
            assertEquals(200, r.status(), r::toString);
            assertEquals(id, r.json().get("user").asInt());
            assertItems(model.model().recommendByIndex(user, RecommendOptions.builder().k(10).exclude(defaults())
                    .build()), r.json().get("items"));
        }
        Http.Reply r = http.get("/api/recommend?user=" + model.users().originalId(3));
        assertEquals(10, r.json().get("items").size(), "n defaults to 10");
    }

    @Test
    void filtersAreTheIoFilters() {
        String genre = model.info(0).genres().get(0);
        int id = model.users().originalId(1);
        AnimeFilter filter = AnimeFilter.defaults().includeAdult(true).genre(genre.toLowerCase()).type("TV")
                .minMembers(100);
        Http.Reply r = http.get("/api/recommend?user=" + id + "&n=20&genre=" + enc(genre.toLowerCase())
                + "&type=TV&min_members=100&include_adult=true");
        assertEquals(200, r.status(), r::toString);
        assertItems(model.model().recommendByIndex(1, RecommendOptions.builder().k(20).exclude(filter.excluded(model))
                .build()), r.json().get("items"));
        for (JsonNode item : r.json().get("items")) assertEquals("TV", item.get("type").asText());
    }

    @Test
    void badRecommendQueriesAre4xxNamingTheParameter() {
        int id = model.users().originalId(0);
        assertError(http.get("/api/recommend"), 400, "'user' is required");
        assertError(http.get("/api/recommend?user=abc"), 400, "'user' must be an integer in [0, 2147483647]");
        assertError(http.get("/api/recommend?user=99999999999999"), 400, "'user'");
        assertError(http.get("/api/recommend?user=2000000000"), 404, "user 2000000000 is not in the model");
        for (String n : List.of("0", "101", "-1", "ten", "1.5", "")) {
            assertError(http.get("/api/recommend?user=" + id + "&n=" + n), 400, "'n' must be an integer in [1, 100]");
        }
        assertError(http.get("/api/recommend?user=" + id + "&genre=Nope"), 400, "unknown genre 'Nope'",
                "the model's genres: ");
        assertError(http.get("/api/recommend?user=" + id + "&type=Nope"), 400, "unknown type 'Nope'");
        assertError(http.get("/api/recommend?user=" + id + "&min_members=-1"), 400,
                "'min_members' must be an integer in [0, 100000000]");
        assertError(http.get("/api/recommend?user=" + id + "&include_adult=maybe"), 400,
                "'include_adult' must be true or false");
        assertError(http.get("/api/recommend?user=" + id + "&usr=1"), 400, "unknown parameter 'usr'", "takes user, n");
        assertError(http.get("/api/recommend?user=" + id + "&n=1&n=2"), 400, "'n' is given twice");
        RawHttp raw = new RawHttp(server.uri());
        for (String[] bad : new String[][] {{"%zz", "bad percent-encoding"}, {"%ff%fe", "not UTF-8"},
                {"%01", "control character"}, {"%", "bad percent-encoding"}}) {
            RawHttp.Reply r = raw.get("/api/recommend?user=" + bad[0]);
            assertEquals(400, r.status(), r::toString);
            assertTrue(r.body().contains(bad[1]) && r.body().startsWith("{\"error\":"), r::toString);
        }
        assertError(http.get("/api/recommend?user=" + "1".repeat(201)), 400, "at most 200");
    }

    @Test
    void likesAreFoldedInAsTheLibraryDoes() {
        List<AnimeInfo> liked = uniqueTitles(0, 3);
        String body = "{\"likes\": [\"" + liked.get(0).title() + "\", \"" + liked.get(1).title().toUpperCase()
                + "\", " + liked.get(2).id() + ", \"Zzzqqx nothing\"], \"n\": 15}";
        Http.Reply r = http.postJson(body);
        assertEquals(200, r.status(), r::toString);
        int[] items = liked.stream().mapToInt(a -> model.anime().indexOf(a.id())).toArray();
        assertItems(model.model().recommendForNewUserByIndex(items, RecommendOptions.builder().k(15)
                .exclude(defaults()).build()).items(), r.json().get("items"));
        assertEquals(3, r.json().get("likes").size());
        assertEquals(liked.get(1).id(), r.json().get("likes").get(1).get("id").asInt());
        JsonNode unknown = r.json().get("unknown");
        assertEquals(1, unknown.size(), r::toString);
        assertEquals("Zzzqqx nothing", unknown.get(0).get("query").asText());
        assertEquals("unknown", unknown.get(0).get("kind").asText());

        // a typo gets suggestions; only unknown likes: 404 with the list
        String title = liked.get(0).title();
        String typo = title.substring(0, title.length() - 1) + (title.endsWith("x") ? "y" : "x");
        Http.Reply none = http.postJson("{\"likes\": [\"" + typo + "zz\", 999999]}");
        assertError(none, 404, "none of the 2 likes names an anime of the model");
        assertEquals(2, none.json().get("unknown").size(), none::toString);
        Http.Reply suggested = http.postJson("{\"likes\": [\"" + typo + "\"]}");
        if (suggested.status() == 404) { // the typo may also be a unique prefix of another title: then it is found
            assertTrue(suggested.json().get("unknown").get(0).get("suggestions").size() > 0, suggested::toString);
        }
    }

    @Test
    void badLikesAre4xx() {
        assertError(http.postJson("{\"likes\": ["), 400, "not valid JSON");
        assertError(http.postJson("[1, 2]"), 400, "must be a JSON object");
        assertError(http.postJson("{}"), 400, "'likes' must be an array of 1 to 1000");
        assertError(http.postJson("{\"likes\": []}"), 400, "'likes' must be an array of 1 to 1000");
        assertError(http.postJson("{\"likes\": \"Cowboy Bebop\"}"), 400, "'likes' must be an array");
        assertError(http.postJson("{\"likes\": [true]}"), 400, "'likes' must hold titles");
        assertError(http.postJson("{\"likes\": [\"\"]}"), 400, "'likes' must hold titles");
        assertError(http.postJson("{\"likes\": [-5]}"), 400, "'likes' must hold titles");
        assertError(http.postJson("{\"likes\": [1], \"n\": 500}"), 400, "'n' must be an integer in [1, 100]");
        assertError(http.postJson("{\"likes\": [1], \"n\": \"5\"}"), 400, "'n' must be an integer");
        assertError(http.postJson("{\"likes\": [1], \"colour\": 1}"), 400, "unknown field 'colour'");
        assertError(http.postJson("{\"likes\": [1], \"likes\": [2]}"), 400, "not valid JSON", "Duplicate field");
        assertError(http.postJson("{\"likes\": [1]} {}"), 400, "not valid JSON");
        assertError(http.postJson("{\"likes\": [1], \"genre\": \"Nope\"}"), 400, "unknown genre 'Nope'");
        assertError(http.postJson("{\"likes\": [1], \"include_adult\": \"yes\"}"), 400, "'include_adult'");
        StringBuilder many = new StringBuilder("{\"likes\": [");
        for (int i = 0; i < 1001; i++) many.append(i == 0 ? "" : ",").append(i);
        assertError(http.postJson(many + "]}"), 400, "1 to 1000", "got 1001");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) deep.append('[');
        assertError(http.postJson("{\"likes\": " + deep + "}"), 400, "not valid JSON");
        assertError(http.post("/api/recommend?n=5", "application/json", "{\"likes\": [1]}".getBytes()), 400,
                "every parameter goes in the body");
        assertError(http.post("/api/recommend", "text/plain", "hello".getBytes()), 415, "Content-Type must be");
        assertEquals(200, http.post("/api/recommend", "Application/JSON; charset=UTF-8", ("{\"likes\": [\"id:"
                + model.info(0).id() + "\"]}").getBytes()).status(), "media types ignore case");
        assertError(http.post("/api/recommend", null, "{}".getBytes()), 415, "Content-Type must be");
        assertError(http.post("/api/recommend", "application/json", new byte[ServerOptions.MAX_BODY_BYTES + 1]), 413,
                "at most 2097152 bytes");
    }

    /** A MAL export of the model's first anime: every status, and one anime the model does not know. */
    static String malExport(List<Integer> likedOut, Set<Integer> listedOut) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<myanimelist>"
                + "<myinfo><user_name>fan</user_name></myinfo>\n");
        String[] statuses = {"Completed", "Watching", "On-Hold", "Dropped", "Plan to Watch"};
        for (int e = 0; e < 40; e++) {
            int item = e * 3 % model.anime().size();
            int id = e == 39 ? 900_001 : model.info(item).id();
            int score = e == 39 ? 9 : e % 4 == 0 ? 0 : 5 + e % 6;
            String status = e == 39 ? "Completed" : statuses[e % statuses.length];
            xml.append("<anime><series_animedb_id>").append(id).append("</series_animedb_id><my_score>").append(score)
                    .append("</my_score><my_status>").append(status).append("</my_status></anime>\n");
            if (e == 39) continue;
            listedOut.add(item);
            if (e % 5 < 3 && (score == 0 || score >= 7) && !likedOut.contains(item)) likedOut.add(item);
        }
        return xml.append("</myanimelist>\n").toString();
    }

    @Test
    void malExportIsReadLikeTheCommandLineReadsIt() throws IOException {
        List<Integer> liked = new ArrayList<>();
        Set<Integer> listed = new HashSet<>();
        byte[] xml = malExport(liked, listed).getBytes(StandardCharsets.UTF_8);
        Http.Reply r = http.post("/api/recommend?n=12", "application/xml", xml);
        assertEquals(200, r.status(), r::toString);
        JsonNode list = r.json().get("list");
        assertEquals(40, list.get("entries").asInt());
        assertEquals(liked.size(), list.get("used").asInt());
        assertEquals(8, list.get("ignored").get("dropped").asInt());
        assertEquals(7, list.get("ignored").get("plan_to_watch").asInt());
        assertEquals(1, list.get("unknown").asInt());
        IntPredicate filter = defaults();
        assertItems(model.model().recommendForNewUserByIndex(liked.stream().mapToInt(i -> i).toArray(),
                RecommendOptions.builder().k(12).exclude(i -> listed.contains(i) || filter.test(i)).build()).items(),
                r.json().get("items"));

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(xml);
        }
        Http.Reply zipped = http.post("/api/recommend?n=12", "application/gzip", gz.toByteArray());
        assertEquals(r.json(), zipped.json());
        Http.Reply strict = http.post("/api/recommend?n=12&min_score=10", "text/xml", xml);
        assertTrue(strict.json().get("list").get("used").asInt() < liked.size(), strict::toString);

        assertError(http.post("/api/recommend?min_score=11", "application/xml", xml), 400,
                "'min_score' must be an integer in [1, 10]");
        assertError(http.post("/api/recommend", "application/xml", "<myanimelist><anime>".getBytes()), 400,
                "upload.xml");
        assertError(http.post("/api/recommend", "application/xml", "not xml".getBytes()), 400, "upload.xml");
        assertError(http.post("/api/recommend", "application/gzip", new byte[] {0x1f, (byte) 0x8b, 1, 2}), 400,
                "upload.xml");
        assertError(http.post("/api/recommend", "application/xml", new byte[0]), 400, "empty");
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><myanimelist>"
                + "<anime><series_animedb_id>1</series_animedb_id><series_title>&x;</series_title><my_score>9"
                + "</my_score><my_status>Completed</my_status></anime></myanimelist>";
        Http.Reply refused = http.post("/api/recommend", "application/xml", evil.getBytes());
        assertError(refused, 400, "upload.xml");
        assertFalse(refused.text().contains("root:"), refused::toString);
        String unknownOnly = "<myanimelist><anime><series_animedb_id>900001</series_animedb_id><my_score>9</my_score>"
                + "<my_status>Completed</my_status></anime></myanimelist>";
        Http.Reply none = http.post("/api/recommend", "application/xml", unknownOnly.getBytes());
        assertError(none, 404, "no like the model knows");
        assertEquals(1, none.json().get("list").get("unknown").asInt());
    }

    @Test
    void aBodyThatTrickles408sAfterTheRequestTimeout() throws Exception {
        byte[] body = "{\"likes\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}".getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            s.setSoTimeout(30_000);
            java.io.OutputStream out = s.getOutputStream();
            out.write(("POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            int sent = 0;
            try { // one byte a second: never idle for the connection's time-out, always too slow for the request's
                while (sent < body.length && System.nanoTime() - started < ServerOptions.REQUEST_TIMEOUT.toNanos()
                        + 2_000_000_000L) {
                    out.write(body[sent++]);
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException closedByTheServer) {
                // the service answered and closed while bytes were still coming
            }
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
            assertTrue(reply.contains("took longer than 10 s to arrive"), reply);
            assertTrue(sent < body.length, "the service did not wait for the whole body");
        }
    }

    @Test
    void similarAnimeAreTheLibrarysCosineNeighbours() {
        AnimeInfo a = uniqueTitles(5, 1).get(0);
        int item = model.anime().indexOf(a.id());
        Http.Reply r = http.get("/api/similar?anime=" + enc(a.title()) + "&n=7");
        assertEquals(200, r.status(), r::toString);
        assertEquals(a.id(), r.json().get("anime").get("id").asInt());
        assertItems(model.model().similarItemsByIndex(item, SimilarOptions.builder().k(7).exclude(defaults()).build()),
                r.json().get("items"));
        assertEquals(r.json(), http.get("/api/similar?anime=id:" + a.id() + "&n=7").json());
        assertError(http.get("/api/similar"), 400, "'anime' is required");
        assertError(http.get("/api/similar?anime=id:999999999"), 404, "not in the model");
        Http.Reply typo = http.get("/api/similar?anime=" + enc(a.title() + " qqq"));
        assertError(typo, 404, "no anime titled");
        assertError(http.get("/api/similar?anime=x&n=1000"), 400, "'n' must be an integer in [1, 100]");
    }

    @Test
    void titleSearchCompletesPrefixesPopularFirst() {
        AnimeInfo a = uniqueTitles(2, 1).get(0);
        String prefix = a.title().substring(0, Math.min(3, a.title().length()));
        Http.Reply r = http.get("/api/anime?q=" + enc(prefix.toLowerCase()) + "&n=5");
        assertEquals(200, r.status(), r::toString);
        JsonNode items = r.json().get("items");
        assertTrue(items.size() >= 1 && items.size() <= 5, r::toString);
        assertTrue(items.get(0).get("title").asText().toLowerCase().startsWith(prefix.toLowerCase()), r::toString);
        for (JsonNode item : items) assertFalse(item.get("genres").toString().contains("Hentai"), r::toString);
        assertEquals(0, http.get("/api/anime?q=qqqzzzxxx").json().get("items").size());
        assertError(http.get("/api/anime"), 400, "'q' is required");
        assertError(http.get("/api/anime?q=ab&n=0"), 400, "'n' must be an integer in [1, 100]");
        long adult = model.allInfo().stream().filter(AnimeInfo::isAdult).count();
        if (adult > 0) {
            AnimeInfo h = model.allInfo().stream().filter(AnimeInfo::isAdult).findFirst().orElseThrow();
            Http.Reply hidden = http.get("/api/anime?n=100&q=" + enc(h.title()));
            Http.Reply shown = http.get("/api/anime?n=100&include_adult=true&q=" + enc(h.title()));
            assertFalse(hidden.text().contains("\"id\":" + h.id() + ","), hidden::toString);
            assertTrue(shown.text().contains("\"id\":" + h.id() + ","), shown::toString);
        }
    }

    @Test
    void metricsCountRequestsByEndpointAndStatus() {
        http.get("/api/health");
        http.get("/api/recommend?user=abc");
        http.get("/no/such/path");
        Http.Reply r = http.get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r::toString);
        String text = r.text();
        assertTrue(text.contains("lightgcn_http_requests_total{endpoint=\"/api/health\",method=\"GET\",status=\"200\"} "),
                text);
        assertTrue(text.contains("lightgcn_http_requests_total{endpoint=\"/api/recommend\",method=\"GET\",status=\"400\"}"),
                text);
        assertTrue(text.contains("lightgcn_http_requests_total{endpoint=\"unmatched\",method=\"-\",status=\"404\"}"),
                text);
        assertTrue(text.contains("lightgcn_http_request_duration_seconds_bucket{endpoint=\"/api/health\",le=\"+Inf\"}"),
                text);
        assertTrue(text.matches("(?s).*\nlightgcn_model_age_seconds \\d+\\.\\d{3}\n.*"), text);
        assertTrue(text.contains("lightgcn_model_reloads_total{result=\"refused\"}"), text);
        assertFalse(text.contains("/no/such/path"), text);
    }

    @Test
    void unknownPathsAndMethodsAreJson404s() {
        assertError(http.get("/api/nothing"), 404, "no such endpoint: GET /api/nothing");
        assertError(http.send(HttpRequest.newBuilder(server.uri().resolve("/api/recommend")).DELETE()), 404,
                "no such endpoint");
        assertError(http.get("/api/recommend/extra"), 404, "no such endpoint");
    }

    @Test
    void thePageIsServedAndNothingElse() {
        Http.Reply page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        assertTrue(page.text().contains("<script src=\"/app.js\""), page::toString);
        assertEquals(200, http.get("/app.js").status());
        assertEquals(200, http.get("/style.css").status());
        for (String path : List.of("/index.html", "/web/app.js", "/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd",
                "/app.js/../../../etc/passwd", "/%2F..%2F..%2Fetc%2Fpasswd", "/..%5c..%5cetc%5cpasswd",
                "/io/github/lightgcn/server/web/app.js", "/module-info.class", "/WEB-INF/web.xml")) {
            Http.Reply r = http.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET());
            assertTrue(r.status() == 404 || r.status() == 400, () -> path + " -> " + r);
            assertFalse(r.text().contains("root:") || r.text().contains("<project"), path);
        }
    }

    @Test
    void adminReloadNeedsTheToken() throws IOException {
        String url = "/api/admin/reload";
        assertError(http.post(url, null, new byte[0]), 401, "Authorization: Bearer");
        assertError(http.send(HttpRequest.newBuilder(server.uri().resolve(url)).header("Authorization", "Bearer nope")
                .POST(HttpRequest.BodyPublishers.noBody())), 401, "admin token");
        Http.Reply ok = http.send(HttpRequest.newBuilder(server.uri().resolve(url))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("reloaded", ok.json().get("status").asText());
        try (RecommendationServer locked = RecommendationServer.start(ServerOptions.builder(TestModels.get().modelA)
                .port(0).watchInterval(Duration.ZERO).build())) {
            Http other = new Http(locked.uri());
            assertError(other.send(HttpRequest.newBuilder(locked.uri().resolve(url))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody())), 403,
                    "--admin-token");
        }
    }

    @Test
    void optionsDefaultToLoopbackAndCheckTheirValues() {
        ServerOptions o = ServerOptions.builder(TestModels.get().modelA).build();
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals(null, o.adminToken());
        for (Runnable bad : List.<Runnable>of(() -> ServerOptions.builder(o.modelFile()).port(70000),
                () -> ServerOptions.builder(o.modelFile()).adminToken("short"),
                () -> ServerOptions.builder(o.modelFile()).watchInterval(Duration.ofSeconds(-1)))) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().matches(".*(\\[0, 65535]|at least 8|\\[0, 1 h]).*"),
                        expected.getMessage());
            }
        }
    }

    @Test
    void aModelThatDoesNotLoadIsRefusedAtStart() throws IOException {
        java.nio.file.Path bad = TestModels.get().dir.resolve("start-corrupt.lgcn");
        TestModels.corruptCopy(TestModels.get().modelA, bad);
        try {
            RecommendationServer.start(ServerOptions.builder(bad).port(0).build()).close();
            throw new AssertionError("started");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains(bad.toString()), expected.getMessage());
        }
    }
}
