package io.github.lightgcn.examples.anime;

import io.github.lightgcn.examples.cli.CliRun;
import io.github.lightgcn.examples.cli.MiniJson;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.mal.TitleIndex;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anime commands end to end, in-process, on one small generated MAL data set: train once, then recommend
 * (by user, by likes), similar, evaluate and export against the saved model.
 */
class AnimeCommandsTest {

    @TempDir
    static Path dir;

    static GeneratedData data;
    static Path modelFile;
    static CliRun trainRun;
    static AnimeModel model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = MalGenerator.generate(dir.resolve("mal"), 4000, 11);
        modelFile = dir.resolve("m.lgcn");
        trainRun = CliRun.of("train", "--anime", data.animeCsv().toString(), "--ratings", data.ratingsCsv().toString(),
                "--epochs", "30", "--eval-every", "5", "--lr", "0.01", "--batch", "512", "--threads", "1",
                "--model-out", modelFile.toString(), "--curves", dir.resolve("curves.png").toString(),
                "--metrics-json", dir.resolve("metrics.json").toString());
        assertEquals(0, trainRun.exitCode(), trainRun::toString);
        model = AnimeModel.load(modelFile);
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    private static String oneErrorLine(CliRun r) {
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertTrue(r.errLines().getFirst().startsWith("error: "), r::toString);
        return r.errLines().getFirst();
    }

    /** The table rows (after the dashed rule) of an output, split on two or more spaces. */
    private static List<String[]> tableRows(CliRun r) {
        List<String> lines = r.outLines();
        int rule = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches("-+( +-+)+")) rule = i;
        assertTrue(rule > 0, r::toString);
        List<String[]> rows = new ArrayList<>();
        for (int i = rule + 1; i < lines.size(); i++) rows.add(lines.get(i).strip().split(" {2,}"));
        return rows;
    }

    /** An anime title of the model that names exactly one anime. */
    private static AnimeInfo uniqueTitle(int from) {
        TitleIndex titles = model.catalog().titles();
        for (int i = from; i < model.anime().size(); i++) {
            if (titles.exact(model.info(i).title()).size() == 1 && !model.info(i).title().contains(",")) {
                return model.info(i);
            }
        }
        throw new AssertionError("no unique title");
    }

    @Test
    void trainReportsCountsSplitAndMetricsNextToPopularity() throws IOException {
        String out = trainRun.out();
        assertTrue(out.contains("ratings: 4,000 rows read: 4,000 interactions kept, 0 bad rows skipped"), out);
        Matcher split = Pattern.compile("split \\(interaction 80/10/10, seed 2020\\): train ([\\d,]+), val ([\\d,]+), "
                + "test ([\\d,]+) interactions").matcher(out);
        assertTrue(split.find(), out);
        assertEquals(3200, Integer.parseInt(split.group(1).replace(",", "")));
        assertEquals(400, Integer.parseInt(split.group(2).replace(",", "")));
        assertEquals(400, Integer.parseInt(split.group(3).replace(",", "")));
        for (String metric : List.of("recall@10", "precision@10", "ndcg@10", "recall@20", "precision@20", "ndcg@20")) {
            assertTrue(Pattern.compile("(?m)^" + metric + " +0\\.\\d{5} +0\\.\\d{5}$").matcher(out).find(), metric);
        }
        Map<String, Object> json = MiniJson.object(MiniJson.parse(Files.readString(dir.resolve("metrics.json"))));
        assertTrue((Double) json.get("ndcg@20") > 0, json::toString);
        assertTrue(json.containsKey("popularity"));
    }

    @Test
    void modelCarriesTheMalIdsAsKeysAndTheMetadataAsAttachment() throws IOException {
        LightGCNModel raw = LightGCNModel.load(modelFile);
        assertEquals(List.of(AnimeModel.METADATA), List.copyOf(raw.attachmentNames()));
        assertEquals(KeyIndex.Type.LONG, raw.userKeys().type());
        assertEquals(raw.numUsers(), model.users().size());
        assertEquals(raw.numItems(), model.anime().size());
        for (int u = 0; u < model.users().size(); u++) assertEquals(model.users().originalId(u), raw.userKeys().longKey(u));
        for (int i = 0; i < model.anime().size(); i++) {
            assertEquals(model.anime().originalId(i), raw.itemKeys().longKey(i));
            assertEquals(model.anime().originalId(i), model.info(i).id());
        }
        // the generated catalog knows every indexed anime's title and genres
        assertFalse(model.info(0).title().isBlank());

        // metadata copied onto a model of other anime: refused, naming the first row that does not match
        LightGCNModel other = raw.withKeys(raw.userKeys(), KeyIndex.ofLongs(java.util.stream.LongStream
                .range(0, raw.numItems()).map(i -> 900_000 + i).toArray()));
        Path bad = dir.resolve("mismatched.lgcn");
        other.save(bad);
        String line = oneErrorLine(CliRun.of("recommend", "--model", bad.toString(), "--user", "1"));
        assertTrue(line.startsWith("error: " + bad + ": damaged anime data: metadata row 0 is anime "), line);
    }

    @Test
    void aFileWithTheIdsAsAttachmentsStillChecksTheirFingerprint() throws IOException, java.net.URISyntaxException {
        Path frozen = Path.of(AnimeCommandsTest.class.getResource("/fixtures/anime-v1.lgcn").toURI());
        LightGCNModel old = LightGCNModel.load(frozen);
        assertTrue(old.userKeys().isIdentity(), "a file from before keys");
        AnimeModel fromOld = AnimeModel.from(old, frozen);
        assertEquals(fromOld.users().originalId(3), fromOld.model().userKeys().longKey(3), "the old ids become keys");

        // attachments copied onto other embeddings: the fingerprint no longer matches
        LightGCNModel swapped = old.withAttachment(AnimeModel.USERS, old.attachment(AnimeModel.ANIME).orElseThrow());
        Path bad = dir.resolve("mismatched-v1.lgcn");
        swapped.save(bad);
        String line = oneErrorLine(CliRun.of("recommend", "--model", bad.toString(), "--user", "1"));
        assertEquals("error: " + bad + ": the id mappings do not match their fingerprint", line);
    }

    @Test
    void plainModelWithoutAnimeDataIsAClearError() throws IOException {
        LightGCNModel raw = LightGCNModel.load(modelFile);
        Path plain = dir.resolve("plain.lgcn");
        LightGCNModel.of(raw.userEmbeddings(), raw.itemEmbeddings(), raw.dim(), raw.trainGraph(), Map.of()).save(plain);
        String line = oneErrorLine(CliRun.of("similar", "--model", plain.toString(), "--anime", "1"));
        assertTrue(line.contains("has no anime data"), line);
    }

    @Test
    void recommendForAUserExcludesSeenAnimeAndMatchesTheModel() {
        int user = model.users().originalId(3);
        CliRun r = ok("recommend", "--model", modelFile.toString(), "--user", Integer.toString(user), "-n", "7");
        List<String[]> rows = tableRows(r);
        assertEquals(7, rows.size(), r::toString);
        // adult titles are left out by default
        List<ScoredItem> expected = model.model().recommendByIndex(3, RecommendOptions.builder().k(7)
                .exclude(i -> model.info(i).isAdult()).build());
        InteractionGraph train = model.model().trainGraph();
        for (int k = 0; k < 7; k++) {
            assertEquals(Integer.toString(k + 1), rows.get(k)[0]);
            int item = expected.get(k).item();
            assertFalse(train.contains(3, item));
            assertEquals(cut(model.info(item).title(), 50), rows.get(k)[1], r::toString);
        }
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches(" *rank +title +genres +type +score")), r::toString);
    }

    @Test
    void adultTitlesAreLeftOutUnlessAskedForInRecommendAndSimilar() {
        // a user whose unfiltered top 20 has an adult title (generated data has the genre Hentai)
        int user = -1;
        List<ScoredItem> unfiltered = null;
        for (int u = 0; u < model.users().size() && user < 0; u++) {
            unfiltered = model.model().recommendByIndex(u, RecommendOptions.top(20));
            if (unfiltered.stream().anyMatch(s -> model.info(s.item()).isAdult())) user = u;
        }
        assertTrue(user >= 0, "no user with an adult title in the top 20 of the generated data");
        String id = Integer.toString(model.users().originalId(user));
        List<String> shown = tableRows(ok("recommend", "--model", modelFile.toString(), "--user", id, "-n", "20"))
                .stream().map(r -> r[1]).toList();
        List<String> all = tableRows(ok("recommend", "--model", modelFile.toString(), "--user", id, "-n", "20",
                "--include-adult")).stream().map(r -> r[1]).toList();
        assertEquals(unfiltered.stream().map(s -> cut(model.info(s.item()).title(), 50)).toList(), all);
        for (String title : shown) assertFalse(infoOfRow(new String[] {"", title}).isAdult(), title);
        assertEquals(20, shown.size());

        int adult = unfiltered.stream().filter(s -> model.info(s.item()).isAdult()).findFirst().orElseThrow().item();
        List<String[]> similar = tableRows(ok("similar", "--model", modelFile.toString(), "--anime",
                Integer.toString(model.info(adult).id()), "-n", "30"));
        for (String[] row : similar) assertFalse(infoOfRow(row).isAdult(), Arrays.toString(row));
        assertTrue(tableRows(ok("similar", "--model", modelFile.toString(), "--anime",
                Integer.toString(model.info(adult).id()), "-n", "30", "--include-adult")).stream()
                .anyMatch(row -> infoOfRow(row).isAdult()), "the nearest anime of an adult title include adult ones");
    }

    @Test
    void minMembersKeepsOnlyAnimeWithThatManyMembers() {
        int members = model.allInfo().stream().mapToInt(AnimeInfo::members).sorted().toArray()[model.allInfo().size() / 2];
        String id = Integer.toString(model.users().originalId(0));
        List<String[]> rows = tableRows(ok("recommend", "--model", modelFile.toString(), "--user", id, "-n", "10",
                "--min-members", Integer.toString(members)));
        assertEquals(10, rows.size());
        for (String[] row : rows) {
            AnimeInfo a = model.allInfo().stream().filter(x -> cut(x.title(), 50).equals(row[1])).findFirst().orElseThrow();
            assertTrue(a.members() >= members, Arrays.toString(row));
        }
        CliRun bad = CliRun.of("recommend", "--model", modelFile.toString(), "--user", id, "--min-members", "-1");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.errLines().get(0).contains("--min-members") && bad.errLines().get(0).contains("[0, 100000000]"),
                bad::toString);
    }

    @Test
    void aMalListExportGivesTheFoldInOfItsLikesWithEveryListedAnimeLeftOut() throws IOException {
        // 300 entries: 250 anime of the model with every status and scores around --min-score, 50 the model lacks
        String[] statuses = {"Completed", "Watching", "On-Hold", "Dropped", "Plan to Watch"};
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<myanimelist>\n"
                + "<myinfo><user_id>1</user_id><user_name>fan</user_name><user_export_type>1</user_export_type>"
                + "</myinfo>\n");
        List<Integer> liked = new ArrayList<>();
        java.util.Set<Integer> listed = new java.util.HashSet<>();
        int lowScore = 0, dropped = 0, planned = 0;
        for (int e = 0; e < 300; e++) {
            boolean known = e < 250;
            int item = known ? (e * 7) % model.anime().size() : -1;
            int id = known ? model.info(item).id() : 900_000 + e;
            String status = statuses[e % statuses.length];
            int score = e % 3 == 0 ? 0 : 5 + e % 6; // 0 = unscored, else 5..10
            xml.append("<anime><series_animedb_id>").append(id).append("</series_animedb_id><series_title><![CDATA[t")
                    .append(id).append("]]></series_title><my_score>").append(score).append("</my_score><my_status>")
                    .append(status).append("</my_status></anime>\n");
            boolean like = (e % 5 < 3) && (score == 0 || score >= 7);
            if (known) listed.add(item);
            if (e % 5 == 3) dropped++;
            else if (e % 5 == 4) planned++;
            else if (!like) lowScore++;
            else if (known && !liked.contains(item)) liked.add(item);
        }
        xml.append("</myanimelist>\n");
        Path plain = dir.resolve("animelist.xml"), gz = dir.resolve("animelist.xml.gz");
        Files.writeString(plain, xml);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int unknownLikes = 0;
        for (int e = 250; e < 300; e++) if (e % 5 < 3 && (e % 3 == 0 || 5 + e % 6 >= 7)) unknownLikes++;

        CliRun r = ok("recommend", "--model", modelFile.toString(), "--mal-list", plain.toString(), "-n", "10");
        assertEquals(plain + ": 300 entries: " + liked.size() + " used as likes; " + (lowScore + dropped + planned)
                + " ignored (" + dropped + " dropped, " + lowScore + " scored below 7, " + planned + " plan to watch); "
                + unknownLikes + " unknown to the model", r.outLines().get(0));
        List<ScoredItem> expected = model.model().recommendForNewUserByIndex(liked.stream().mapToInt(i -> i).toArray(),
                RecommendOptions.builder().k(10).exclude(i -> listed.contains(i) || model.info(i).isAdult()).build())
                .items();
        assertEquals(expected.stream().map(s -> cut(model.info(s.item()).title(), 50)).toList(),
                tableRows(r).stream().map(row -> row[1]).toList(), r::toString);
        CliRun zipped = ok("recommend", "--model", modelFile.toString(), "--mal-list", gz.toString(), "-n", "10");
        assertEquals(r.outLines().subList(1, r.outLines().size()).toString().replace("animelist.xml ", "animelist.xml.gz "),
                zipped.outLines().subList(1, zipped.outLines().size()).toString());

        // a higher bar: fewer likes
        CliRun strict = ok("recommend", "--model", modelFile.toString(), "--mal-list", plain.toString(), "--min-score",
                "10");
        assertTrue(strict.outLines().get(0).contains("scored below 10"), strict::toString);
        // an external entity is refused and nothing is read
        Path evil = dir.resolve("evil.xml");
        Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<myanimelist><anime><series_animedb_id>1</series_animedb_id><series_title>&x;</series_title>"
                + "<my_score>9</my_score><my_status>Completed</my_status></anime></myanimelist>");
        String line = oneErrorLine(CliRun.of("recommend", "--model", modelFile.toString(), "--mal-list", evil.toString()));
        assertTrue(line.contains(evil.toString()), line);
        CliRun misuse = CliRun.of("recommend", "--model", modelFile.toString(), "--user", "1", "--min-score", "8");
        assertEquals(2, misuse.exitCode(), misuse::toString);
        assertTrue(misuse.errLines().get(0).contains("--min-score is only used with --mal-list"), misuse::toString);
    }

    /** The anime of a table row (by its title, cut as the table cuts it; the generated titles are distinct). */
    private static AnimeInfo infoOfRow(String[] row) {
        return model.allInfo().stream().filter(x -> cut(x.title(), 50).equals(row[1])).findFirst().orElseThrow();
    }

    @Test
    void aTopLargerThanWhatIsLeftSaysHowManyItShows() {
        int user = model.users().originalId(3);
        int left = model.anime().size() - model.model().trainGraph().userDegree(3);
        CliRun r = ok("recommend", "--model", modelFile.toString(), "--user", Integer.toString(user), "-n", "100000",
                "--include-adult");
        assertEquals(left, tableRows(r).size(), r::toString);
        assertEquals("top " + left + " for user " + user + " (" + model.model().trainGraph().userDegree(3)
                + " anime seen, excluded); all the model can give, -n asked for 100000:", r.outLines().getFirst());
        int liked = model.info(0).id();
        r = ok("recommend", "--model", modelFile.toString(), "--likes", Integer.toString(liked), "-n", "100000",
                "--include-adult");
        assertEquals(model.anime().size() - 1, tableRows(r).size(), r::toString);
        assertTrue(r.outLines().getFirst().matches("top " + (model.anime().size() - 1) + " for a new user who likes .*"
                + "; all the model can give, -n asked for 100000:"), r::toString);
        r = ok("similar", "--model", modelFile.toString(), "--anime", Integer.toString(liked), "-n", "100000",
                "--include-adult");
        assertEquals(model.anime().size() - 1, tableRows(r).size(), r::toString);
        assertTrue(r.outLines().getFirst().endsWith("); all the model can give, -n asked for 100000:"), r::toString);
        r = ok("recommend", "--model", modelFile.toString(), "--user", Integer.toString(user), "-n", "3");
        assertTrue(r.outLines().getFirst().matches("top 3 for user " + user + " \\(\\d+ anime seen, excluded\\):"),
                r::toString);
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }

    @Test
    void genreAndTypeFiltersKeepOnlyMatchingAnime() {
        String genre = model.info(0).genres().isEmpty() ? "Comedy" : model.info(0).genres().getFirst();
        int user = model.users().originalId(0);
        CliRun r = ok("recommend", "--model", modelFile.toString(), "--user", Integer.toString(user), "--genre",
                genre.toLowerCase(), "--type", "TV", "-n", "5");
        List<String[]> rows = tableRows(r);
        assertFalse(rows.isEmpty());
        for (String[] row : rows) {
            AnimeInfo a = model.allInfo().stream().filter(x -> cut(x.title(), 50).equals(row[1])).findFirst().orElseThrow();
            assertTrue(a.hasGenreIgnoreCase(genre) && a.type().equals("TV"), Arrays.toString(row));
        }
        String line = oneErrorLine(CliRun.of("recommend", "--model", modelFile.toString(), "--user",
                Integer.toString(user), "--genre", "Cooking"));
        assertTrue(line.contains("unknown genre 'Cooking'") && line.contains(genre), line);
    }

    @Test
    void unknownUserIsOneLine() {
        String line = oneErrorLine(CliRun.of("recommend", "--model", modelFile.toString(), "--user", "987654"));
        assertEquals("error: user 987654 is not in the model's training data (" + model.users().size()
                + " users); for a new user use --likes", line);
    }

    @Test
    void thousandsOfLikesResolveInLinearTimeAndTooManyAreOneLine() {
        // before: every piece tried every join to the end of the list (2,000 likes took 122 s); the bound keeps
        // it near-linear, so 4,000 likes end long before the timeout of this guard
        StringBuilder likes = new StringBuilder();
        for (int n = 0; n < 4000; n++) {
            if (n > 0) likes.append(',');
            likes.append(model.anime().originalId(n % 100)); // 100 distinct anime, repeated: some are left to recommend
        }
        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ok("recommend", "--model", modelFile.toString(), "--likes", likes.toString(), "-n", "3"));
        assertEquals(3, tableRows(r).size(), r::toString);

        String tooMany = (likes + ",").repeat(3); // 12,000 pieces
        String error = oneErrorLine(CliRun.of("recommend", "--model", modelFile.toString(), "--likes", tooMany));
        assertTrue(error.contains("at most " + AnimeLookup.MAX_LIKES), error);
    }

    @Test
    void likesFoldsInANewUserAndExcludesTheLikedAnime() {
        AnimeInfo a = uniqueTitle(0), b = uniqueTitle(model.anime().indexOf(a.id()) + 1);
        String query = a.title().toUpperCase() + "," + b.id();
        CliRun r = ok("recommend", "--model", modelFile.toString(), "--likes", query, "-n", "10");
        assertTrue(r.out().contains("a new user who likes " + a.title() + ", " + b.title()), r::toString);
        int ia = model.anime().indexOf(a.id()), ib = model.anime().indexOf(b.id());
        float[] u = model.model().recommendForNewUserByIndex(new int[]{ia, ib}, RecommendOptions.top(1)).userVector();
        List<ScoredItem> expected = model.model().recommendForVector(u,
                RecommendOptions.builder().k(10).exclude(i -> i == ia || i == ib).build());
        List<String[]> rows = tableRows(r);
        assertEquals(10, rows.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(cut(model.info(expected.get(k).item()).title(), 50), rows.get(k)[1]);
            assertFalse(rows.get(k)[1].equals(cut(a.title(), 50)) || rows.get(k)[1].equals(cut(b.title(), 50)));
        }
    }

    @Test
    void unknownTitleSuggestsCloseOnes() {
        AnimeInfo a = uniqueTitle(0);
        String typo = a.title().substring(0, a.title().length() - 1) + "q"; // last letter wrong
        String line = oneErrorLine(CliRun.of("recommend", "--model", modelFile.toString(), "--likes", typo));
        assertTrue(line.startsWith("error: no anime titled '" + typo + "' among the"), line);
        assertTrue(line.contains("did you mean") && line.contains("'" + a.title() + "' (" + a.id() + ")"), line);
    }

    @Test
    void ambiguousTitleListsTheCandidates() {
        TitleIndex titles = model.catalog().titles();
        String query = null;
        for (AnimeInfo a : model.allInfo()) {
            String q = a.title().split(" ")[0];
            if (titles.exact(q).isEmpty() && titles.withPrefix(q).size() >= 2) {
                query = q;
                break;
            }
        }
        assertTrue(query != null, "the generated titles share first words");
        List<Anime> candidates = titles.withPrefix(query);
        String line = oneErrorLine(CliRun.of("similar", "--model", modelFile.toString(), "--anime", query));
        assertTrue(line.startsWith("error: '" + query + "' matches " + candidates.size() + " anime: "), line);
        assertTrue(line.contains("'" + candidates.getFirst().name() + "' (" + candidates.getFirst().id() + ")"), line);
    }

    @Test
    void similarRanksByCosineAndLeavesTheAnimeOut() {
        AnimeInfo a = uniqueTitle(2);
        CliRun r = ok("similar", "--model", modelFile.toString(), "--anime", a.title(), "-n", "6");
        List<String[]> rows = tableRows(r);
        assertEquals(6, rows.size());
        int item = model.anime().indexOf(a.id());
        float[] e = model.model().itemEmbedding(item);
        double previous = 2;
        for (String[] row : rows) {
            double cosine = Double.parseDouble(row[row.length - 1]);
            assertTrue(cosine <= previous + 1e-9 && cosine >= -1 && cosine <= 1, Arrays.toString(row));
            previous = cosine;
            assertFalse(row[1].equals(cut(a.title(), 50)) && model.catalog().titles().exact(a.title()).size() == 1);
        }
        // the first row is the true nearest neighbour
        int best = -1;
        double bestCos = -2;
        for (int i = 0; i < model.anime().size(); i++) {
            if (i == item) continue;
            float[] f = model.model().itemEmbedding(i);
            double dot = 0, ne = 0, nf = 0;
            for (int c = 0; c < e.length; c++) {
                dot += e[c] * f[c];
                ne += e[c] * e[c];
                nf += f[c] * f[c];
            }
            double cos = dot / Math.sqrt(ne * nf);
            if (cos > bestCos) {
                bestCos = cos;
                best = i;
            }
        }
        assertEquals(cut(model.info(best).title(), 50), rows.getFirst()[1]);
    }

    @Test
    void evaluateCountsPairsItCannotScore() throws IOException {
        InteractionGraph train = model.model().trainGraph();
        int u0 = 0, seen = train.itemsOf(0)[0];
        int unseen = 0;
        while (train.contains(u0, unseen)) unseen++;
        String csv = "user_id,anime_id\n"
                + model.users().originalId(u0) + "," + model.anime().originalId(unseen) + "\n"
                + model.users().originalId(u0) + "," + model.anime().originalId(seen) + "\n"   // a training pair
                + "999999," + model.anime().originalId(0) + "\n"                                   // unknown user
                + model.users().originalId(1) + ",99999999\n";                                     // unknown anime
        Path test = Files.writeString(dir.resolve("held.csv"), csv);
        CliRun r = ok("evaluate", "--model", modelFile.toString(), "--test", test.toString());
        assertTrue(r.out().contains("4 pairs; 1 evaluated, 1 of unknown users, 1 of unknown anime, 1 already "
                + "training interactions (not counted)"), r::toString);
        assertTrue(r.out().contains("metrics over 1 users:"), r::toString);
        assertEquals(6, tableRows(r).size(), r::toString);
    }

    @Test
    void exportWritesNpyFilesAndIds() throws IOException {
        Path out = dir.resolve("export");
        ok("export", "--model", modelFile.toString(), "--out", out.toString());
        LightGCNModel m = model.model();
        byte[] items = Files.readAllBytes(out.resolve("items.npy"));
        byte[] header = npyHeader(m.numItems(), m.dim());
        assertEquals(header.length + 4L * m.numItems() * m.dim(), items.length);
        assertTrue(Arrays.equals(header, Arrays.copyOf(items, header.length)));
        // the first float, little-endian
        int bits = (items[header.length] & 0xff) | (items[header.length + 1] & 0xff) << 8
                | (items[header.length + 2] & 0xff) << 16 | (items[header.length + 3] & 0xff) << 24;
        assertEquals(m.itemEmbedding(0)[0], Float.intBitsToFloat(bits));
        assertEquals(header.length + 4L * m.numUsers() * m.dim(), Files.size(out.resolve("users.npy")));
        Map<String, Object> ids = MiniJson.object(MiniJson.parse(Files.readString(out.resolve("ids.json"))));
        assertEquals(m.numUsers(), ((List<?>) ids.get("users")).size());
        assertEquals(m.numItems(), ((List<?>) ids.get("titles")).size());
        assertEquals((double) model.anime().originalId(5), ((Number) ((List<?>) ids.get("anime")).get(5)).doubleValue());
    }

    /** The NumPy 1.0 header numpy.save writes for a float32 matrix: magic, version, length, dict padded to 64. */
    private static byte[] npyHeader(int rows, int cols) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int padded = (10 + dict.length() + 1 + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - 10 - dict.length() - 1) + "\n";
        byte[] header = new byte[padded];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length(), (byte) (text.length() >> 8)};
        System.arraycopy(magic, 0, header, 0, 10);
        System.arraycopy(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, header, 10, text.length());
        return header;
    }

    @Test
    void curvesAreAValidPng() throws IOException {
        byte[] png = Files.readAllBytes(dir.resolve("curves.png"));
        assertTrue(png.length > 1000);
        assertTrue(Arrays.equals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8)));
        var image = javax.imageio.ImageIO.read(dir.resolve("curves.png").toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }
}
