package io.github.lightgcn.tune;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tuner against a brute-force oracle: every trial's score is what training that configuration alone with that
 * budget gives, the survivors of each rung are the best 1/eta, and the best model is the oracle's model bit for bit.
 */
class TunerTest {

    private static final InteractionGraph[] DATA = Graphs.planted(120, 80, 4, 12, 3, 7);
    private static final InteractionGraph TRAIN = DATA[0], VAL = DATA[1];
    private static final LightGCNConfig BASE = LightGCNConfig.builder().embeddingDim(8).layers(2).batchSize(256)
            .epochs(12).evalEvery(1).patience(2).topK(10).monitor(io.github.lightgcn.eval.Metric.NDCG, 10).seed(5)
            .build();
    private static final SearchSpace SPACE = SearchSpace.parse("learningRate = 0.001, 0.01, 0.05, 0.2\n"
            + "embeddingDim = 4, 8 # two sizes\n", "test space");

    @TempDir
    Path dir;

    private static Tuner.Builder tuner() {
        return Tuner.builder().space(SPACE).base(BASE).trials(8).eta(2).minEpochs(3)
                .fitOptions(FitOptions.builder().threads(1).build());
    }

    private static LightGCNModel oracle(Map<String, String> params, int epochs) {
        Map<String, String> values = new LinkedHashMap<>(BASE.asMap());
        values.putAll(params);
        values.put("epochs", Integer.toString(epochs));
        return new LightGCN(LightGCNConfig.fromMap(values)).fit(TRAIN, VAL, FitOptions.builder().threads(1).build());
    }

    @Test
    void successiveHalvingMatchesTrainingEachConfigurationAlone() throws IOException {
        Tuner t = tuner().build();
        assertEquals(List.of(3, 6, 12), t.rungBudgets());
        TuningResult r = t.run(TRAIN, VAL);
        assertTrue(r.finished());
        List<Trial> rung0 = r.trials().stream().filter(x -> x.rung() == 0).toList();
        assertEquals(8, rung0.size()); // the whole space, 4 x 2
        for (Trial trial : r.trials()) {
            int budget = trial.carried() ? originBudget(r, trial) : trial.epochBudget();
            LightGCNModel alone = oracle(trial.params(), budget);
            assertEquals(alone.trainingSummary().bestEvaluation().ndcg(10), trial.score(), 0.0, trial.toString());
            assertEquals(alone.trainingSummary().stopReason(), trial.stopReason());
        }
        // each rung keeps the best half of the previous one
        for (int rung = 1; rung <= 2; rung++) {
            int prev = rung - 1;
            List<Trial> before = new ArrayList<>(r.trials().stream().filter(x -> x.rung() == prev).toList());
            before.sort(Tuner.RANKING);
            List<Integer> expected = before.subList(0, (before.size() + 1) / 2).stream().map(Trial::id).sorted().toList();
            int rr = rung;
            assertEquals(expected, r.trials().stream().filter(x -> x.rung() == rr).map(Trial::id).sorted().toList());
        }
        Trial best = r.best();
        assertEquals(2, best.rung());
        LightGCNModel alone = oracle(best.params(), best.carried() ? originBudget(r, best) : best.epochBudget());
        assertArrayEquals(alone.itemEmbeddings(), r.bestModel().itemEmbeddings());
        assertEquals(best.epochBudget(), r.bestConfig().epochs());
        assertTrue(r.toMarkdown(10).contains("**best**"));
        assertTrue(r.toJson().contains("\"best_config\""));
    }

    private static int originBudget(TuningResult r, Trial t) {
        return r.trials().stream().filter(x -> x.id() == t.id() && !x.carried() && x.rung() < t.rung())
                .mapToInt(Trial::epochBudget).max().orElseThrow();
    }

    @Test
    void anEarlyStoppedTrialGivesTheSameModelWithALargerBudget() {
        // why carrying forward is exact: the run with more epochs stops at the same place with the same embeddings
        Map<String, String> fast = Map.of("learningRate", "0.2", "embeddingDim", "4");
        LightGCNModel small = oracle(fast, 12), large = oracle(fast, 60);
        assertEquals(StopReason.EARLY_STOPPED, small.trainingSummary().stopReason(), "the test needs an early stop");
        assertArrayEquals(small.itemEmbeddings(), large.itemEmbeddings());
        assertArrayEquals(small.userEmbeddings(), large.userEmbeddings());
    }

    @Test
    void sameSeedSameSearch() throws IOException {
        TuningResult a = tuner().build().run(TRAIN, VAL), b = tuner().build().run(TRAIN, VAL);
        assertEquals(a.trials().stream().map(t -> t.id() + "/" + t.rung() + "=" + t.score()).toList(),
                b.trials().stream().map(t -> t.id() + "/" + t.rung() + "=" + t.score()).toList());
        assertEquals(a.bestConfig(), b.bestConfig());
    }

    @Test
    void anInterruptedSearchResumesFromItsJournalWithoutTrainingAgain() throws IOException {
        Path journal = dir.resolve("trials.journal");
        TuningResult full = tuner().build().run(TRAIN, VAL);
        // stop after 5 trained trials, as a kill would
        int[] trained = {0};
        TuningListener stopper = new TuningListener() {
            @Override
            public void onTrialStart(int id, int rung, Map<String, String> params, int remaining) {
                if (++trained[0] > 5) throw new IllegalStateException("killed");
            }
        };
        assertThrows(IllegalStateException.class, () -> tuner().journal(journal).listener(stopper).build().run(TRAIN, VAL));
        // a torn last line, as a kill during a write leaves it
        Files.writeString(journal, "3\t0\tlearn", java.nio.file.StandardOpenOption.APPEND);
        int[] again = {0}, read = {0};
        TuningListener counter = new TuningListener() {
            @Override
            public void onTrialStart(int id, int rung, Map<String, String> params, int remaining) { again[0]++; }

            @Override
            public void onTrial(Trial trial, boolean fromJournal) { if (fromJournal) read[0]++; }
        };
        TuningResult resumed = tuner().journal(journal).listener(counter).build().run(TRAIN, VAL);
        assertEquals(5, read[0]);
        int trainedInFull = (int) full.trials().stream().filter(t -> !t.carried()).count();
        assertEquals(trainedInFull - 5, again[0]);
        assertEquals(full.trials().stream().map(t -> t.id() + "/" + t.rung() + "=" + t.score()).toList(),
                resumed.trials().stream().map(t -> t.id() + "/" + t.rung() + "=" + t.score()).toList());
        assertArrayEquals(full.bestModel().itemEmbeddings(), resumed.bestModel().itemEmbeddings());
        // a journal of another search is refused
        IOException other = assertThrows(IOException.class,
                () -> tuner().trials(3).journal(journal).build().run(TRAIN, VAL));
        assertTrue(other.getMessage().contains("journal of another search"), other.getMessage());
    }

    @Test
    void aTinyBudgetRunsOneTrialAndSaysTheSearchDidNotFinish() throws IOException {
        TuningResult r = tuner().budgetSeconds(1e-9).build().run(TRAIN, VAL);
        assertFalse(r.finished());
        assertEquals(1, r.trials().size());
        assertEquals(r.trials().get(0), r.best());
    }

    @Test
    void badSpacesAndSettingsAreRefusedNamingTheValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.parse("lr = 0.1\n", "space.txt"));
        assertTrue(unknown.getMessage().startsWith("space.txt, line 1: 'lr' is not a configuration value"),
                unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.parse("# c\nlayers = 1, 99\n", "space.txt"));
        assertTrue(bad.getMessage().startsWith("space.txt, line 2: configuration value layers = '99' is invalid"),
                bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("layers = 1, 1\n", "s"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("seed = 1, 2\n", "s"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("layers 1\n", "s"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("\n", "s"));
        assertThrows(IllegalArgumentException.class, () -> Tuner.builder().trials(0));
        assertThrows(IllegalArgumentException.class, () -> Tuner.builder().eta(1));
        assertThrows(IllegalArgumentException.class, () -> Tuner.builder().budgetSeconds(0));
        assertThrows(IllegalArgumentException.class,
                () -> Tuner.builder().base(BASE.toBuilder().evalEvery(5).build()).minEpochs(3).build());
    }

    @Test
    void samplingIsSeededDistinctAndCoversSmallSpaces() {
        SearchSpace big = SearchSpace.defaults();
        assertEquals(162, big.size());
        List<Map<String, String>> a = big.sample(27, 1), b = big.sample(27, 1), c = big.sample(27, 2);
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertEquals(27, new java.util.HashSet<>(a).size());
        assertEquals(8, new java.util.HashSet<>(SPACE.sample(100, 3)).size());
        assertEquals(SPACE.toString(), SearchSpace.parse(SPACE.toString(), "round trip").toString());
        // a loss spec's own commas stay in its value
        SearchSpace losses = SearchSpace.parse("loss = bpr(negatives=4), sampled-softmax(negatives=64, "
                + "temperature=0.2, score=cosine)\n", "losses");
        assertEquals(2, losses.size());
        assertEquals(losses.toString(), SearchSpace.parse(losses.toString(), "round trip").toString());
    }
}
