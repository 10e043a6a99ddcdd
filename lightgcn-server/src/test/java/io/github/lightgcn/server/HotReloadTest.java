package io.github.lightgcn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hot reload under load: clients hammer {@code /api/recommend} while the model file is swapped 20 times, half of
 * them with a damaged file (truncated, or a flipped byte), by the admin endpoint and by the file watch. No request
 * may fail or get an answer that is neither model's, and after each good swap the answers are the new model's.
 */
class HotReloadTest {

    static final String TOKEN = "reload-test-token";

    static List<Integer> ids(AnimeModel m, int user) {
        List<ScoredItem> top = m.model().recommendByIndex(user, RecommendOptions.builder().k(10)
                .exclude(AnimeFilter.defaults().excluded(m)).build());
        return top.stream().map(s -> m.info(s.item()).id()).toList();
    }

    static List<Integer> ids(JsonNode reply) {
        List<Integer> ids = new ArrayList<>();
        reply.get("items").forEach(i -> ids.add(i.get("id").asInt()));
        return ids;
    }

    /** Replaces the served file as a careful deployer does: a new file renamed over the old one. */
    static void install(Path content, Path served) throws IOException {
        Path tmp = served.resolveSibling(served.getFileName() + ".new");
        Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aDeletedModelFileKeepsTheOldModelServing() throws Exception {
        TestModels models = TestModels.get();
        Path served = Files.createTempDirectory(models.dir, "deleted").resolve("live.lgcn");
        install(models.modelA, served);
        try (RecommendationServer server = RecommendationServer.start(ServerOptions.builder(served).port(0)
                .watchInterval(Duration.ofMillis(50)).build())) {
            Http http = new Http(server.uri());
            String before = http.get("/api/recommend?user=" + AnimeModel.load(models.modelA).users().originalId(2)).text();
            Files.delete(served);
            Thread.sleep(300);
            assertEquals(before, http.get("/api/recommend?user=" + AnimeModel.load(models.modelA).users().originalId(2))
                    .text());
            assertTrue(http.get("/metrics").text().contains("lightgcn_model_reloads_total{result=\"refused\"} 1"));
            assertTrue(!server.reload(), "a reload of a missing file is refused");
            install(models.modelB, served);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!http.get("/metrics").text().contains("lightgcn_model_reloads_total{result=\"loaded\"} 1")) {
                assertTrue(System.nanoTime() < deadline, "the file put back was not loaded");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void twentySwapsUnderLoadHalfOfThemDamagedFailNoRequest() throws Exception {
        TestModels models = TestModels.get();
        AnimeModel a = AnimeModel.load(models.modelA), b = AnimeModel.load(models.modelB);
        int user = 5;
        int userId = a.users().originalId(user);
        List<Integer> answerA = ids(a, user), answerB = ids(b, user);
        assertTrue(!answerA.equals(answerB), "the two models must answer differently");

        Path dir = Files.createTempDirectory(models.dir, "reload");
        Path served = dir.resolve("live.lgcn");
        install(models.modelA, served);
        Path truncated = dir.resolve("truncated.lgcn"), flipped = dir.resolve("flipped.lgcn");
        TestModels.truncatedCopy(models.modelB, truncated, 0.6);
        TestModels.corruptCopy(models.modelB, flipped);

        try (RecommendationServer server = RecommendationServer.start(ServerOptions.builder(served).port(0)
                .adminToken(TOKEN).watchInterval(Duration.ofMillis(100)).build())) {
            Http http = new Http(server.uri());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger(), fromA = new AtomicInteger(), fromB = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Http client = new Http(server.uri()); // a connection pool per client
                clients.add(Thread.ofPlatform().name("hammer-" + c).start(() -> {
                    while (!stop.get()) {
                        try {
                            Http.Reply r = client.get("/api/recommend?user=" + userId + "&n=10");
                            requests.incrementAndGet();
                            if (r.status() != 200) {
                                failures.add(r.toString());
                                continue;
                            }
                            List<Integer> got = ids(r.json());
                            if (got.equals(answerA)) fromA.incrementAndGet();
                            else if (got.equals(answerB)) fromB.incrementAndGet();
                            else failures.add("neither model's answer: " + got);
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }

            int refused = 0, loaded = 0;
            boolean onA = true;
            for (int swap = 0; swap < 20; swap++) {
                boolean damaged = swap % 2 == 0;
                boolean byAdmin = swap % 4 < 2; // half through the endpoint, half through the file watch
                Path content = damaged ? (swap % 4 == 0 ? truncated : flipped) : (onA ? models.modelB : models.modelA);
                List<Integer> expected = damaged == onA ? answerA : answerB; // damaged: the old one stays
                if (damaged && !byAdmin) {
                    Files.copy(content, served, StandardCopyOption.REPLACE_EXISTING); // written in place, not renamed
                } else {
                    install(content, served);
                }
                if (byAdmin) {
                    Http.Reply r = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/admin/reload"))
                            .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
                    assertEquals(damaged ? 409 : 200, r.status(), r::toString);
                    if (damaged) assertTrue(r.error().contains("refused") && r.error().contains("still serving"), r::toString);
                } else {
                    Thread.sleep(400); // a few watch intervals
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                List<Integer> now;
                do {
                    now = ids(http.get("/api/recommend?user=" + userId + "&n=10").json());
                } while (!now.equals(expected) && System.nanoTime() < deadline && !byAdmin);
                assertEquals(expected, now, "swap " + swap + (damaged ? " (damaged: the old model stays)" : ""));
                if (damaged) refused++;
                else {
                    loaded++;
                    onA = !onA;
                }
                Thread.sleep(150);
            }
            stop.set(true);
            for (Thread t : clients) t.join();
            String metrics = http.get("/metrics").text();
            System.out.printf("reload: %d requests during 20 swaps (%d loaded, %d damaged refused): %d answered by "
                    + "model A, %d by model B, %d failed%n", requests.get(), loaded, refused, fromA.get(), fromB.get(),
                    failures.size());
            assertTrue(failures.isEmpty(), () -> failures.size() + " failed requests, e.g. " + failures.peek());
            assertTrue(fromA.get() > 0 && fromB.get() > 0, "answers from both models");
            assertTrue(requests.get() > 100, "the clients kept the service busy: " + requests.get());
            assertTrue(metrics.contains("lightgcn_model_reloads_total{result=\"refused\"} "), metrics);
            int refusedCount = Integer.parseInt(metrics.replaceAll("(?s).*lightgcn_model_reloads_total\\{result=\"refused\"} (\\d+).*", "$1"));
            assertTrue(refusedCount >= 10, metrics);
        }
    }
}
