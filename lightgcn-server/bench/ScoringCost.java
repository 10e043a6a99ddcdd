import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The cost of the scoring alone, per request, in-process: what the service does for GET /api/recommend (a known
 * user, n 10, the default filter) and POST /api/recommend (a new user of 5 likes), without HTTP or JSON. Also
 * writes the inputs wrk sends: every user id of the model, and bodies of 5 likes.
 *
 * <p>Run by bench/run.sh: java -cp 'examples/target/examples-*.jar:examples/target/lib/*' ScoringCost.java
 * MODEL OUT_DIR
 */
public class ScoringCost {
    public static void main(String[] args) throws Exception {
        AnimeModel model = AnimeModel.load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        int users = model.users().size(), items = model.anime().size();
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) ids.add(Integer.toString(model.users().originalId(u)));
        Files.write(out.resolve("users.txt"), ids);
        Random random = new Random(18);
        int[][] likes = new int[1000][];
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < likes.length; b++) {
            likes[b] = random.ints(0, items).distinct().limit(5).toArray();
            bodies.add("{\"likes\":[" + Arrays.stream(likes[b]).mapToObj(i -> Integer.toString(model.info(i).id()))
                    .collect(Collectors.joining(",")) + "],\"n\":10}");
        }
        Files.write(out.resolve("likes.txt"), bodies);

        IntPredicate excluded = AnimeFilter.defaults().excluded(model); // the service caches it per model too
        RecommendOptions options = RecommendOptions.builder().k(10).exclude(excluded).build();
        long sink = 0;
        double[] get = new double[7], post = new double[7];
        for (int round = 0; round < get.length; round++) { // the first rounds warm the JIT up
            int calls = 20_000;
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) sink += model.model().recommendByIndex(c % users, options).get(0).item();
            get[round] = (System.nanoTime() - t0) / 1e3 / calls;
            t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) {
                sink += model.model().recommendForNewUserByIndex(likes[c % likes.length], options).items().get(0).item();
            }
            post[round] = (System.nanoTime() - t0) / 1e3 / calls;
        }
        double[] g = Arrays.copyOfRange(get, 2, get.length), p = Arrays.copyOfRange(post, 2, post.length);
        Arrays.sort(g);
        Arrays.sort(p);
        System.out.printf(Locale.ROOT, "model: %d users x %d anime, dim %d%n", users, items, model.model().dim());
        System.out.printf(Locale.ROOT, "scoring alone, one thread, median of 5 rounds of 20,000 calls: "
                + "known user n 10: %.1f us/request (%.0f/s); new user of 5 likes n 10: %.1f us/request (%.0f/s) [%d]%n",
                g[2], 1e6 / g[2], p[2], 1e6 / p[2], sink % 10);
    }
}
