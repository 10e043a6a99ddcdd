package io.github.lightgcn.server;

import io.github.lightgcn.Provenance;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.SimilarOptions;
import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.mal.MalListExport;
import io.github.lightgcn.io.mal.MalListReader;
import io.github.lightgcn.io.mal.MalListTaste;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.model.AnimeQueryException;
import io.github.lightgcn.io.mal.model.MalListLikes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The questions the service answers, on one loaded model, as the command line answers them: the same io-layer
 * lookup, filter and list reading, and the same library calls, so the same question gets the same anime in the same
 * order with the same scores. Replies are ordered maps that Jackson writes as JSON objects.
 */
final class Answers {

    /** The file name a MAL list upload is called in error messages. */
    static final Path UPLOAD = Path.of("upload.xml");

    private Answers() {}

    /** {@code GET /api/health}. */
    static Map<String, Object> health(ServedModel m) {
        Provenance p = m.anime().model().provenance();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", m.file().toString());
        model.put("fingerprint", p.trainFingerprint());
        model.put("epochs", p.epochsRun());
        model.put("model_epoch", p.modelEpoch());
        model.put("created", p.created() == null ? null : p.created().toString());
        model.put("library", p.libraryVersion());
        model.put("loaded", m.loadedAt().toString());
        model.put("users", m.anime().users().size());
        model.put("anime", m.anime().anime().size());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("model", model);
        return reply;
    }

    /** {@code GET /api/recommend?user=}: a user of the training data, their training anime left out. */
    static Map<String, Object> forUser(ServedModel m, String userParam, int n, AnimeFilter filter) {
        int userId = Query.checkedInt("user", userParam, 0, Integer.MAX_VALUE);
        AnimeModel model = m.anime();
        int user = model.users().indexOf(userId);
        if (user < 0) {
            throw new ApiException(404, "user " + userId + " is not in the model's training data ("
                    + model.users().size() + " users); for a new user POST /api/recommend with {\"likes\": [...]}");
        }
        IntPredicate excluded = excluded(m, filter);
        List<ScoredItem> top = model.model().recommendByIndex(user, RecommendOptions.builder().k(n).exclude(excluded)
                .build());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", userId);
        reply.put("seen", model.model().trainGraph().userDegree(user));
        reply.put("items", Replies.scored(top, model));
        return reply;
    }

    /** {@code POST /api/recommend} with likes: a new user folded in; likes that name no anime are listed. */
    static Map<String, Object> forLikes(ServedModel m, Bodies.Likes likes) {
        AnimeModel model = m.anime();
        IntPredicate excluded = excluded(m, likes.filter());
        AnimeLookup.Resolution found = m.lookup().resolveEach(likes.likes());
        List<Replies.Unknown> unknown = found.failures().stream().map(Replies.Unknown::of).toList();
        int[] liked = found.items();
        if (liked.length == 0) {
            boolean unknownAnime = found.failures().stream().anyMatch(e -> e.kind() != AnimeQueryException.Kind.INVALID);
            throw new ApiException(unknownAnime ? 404 : 400, "none of the " + likes.likes().size() + " likes names an "
                    + "anime of the model: " + found.failures().get(0).getMessage(), Map.of("unknown", unknown));
        }
        List<ScoredItem> top = model.model().recommendForNewUserByIndex(liked, RecommendOptions.builder()
                .k(likes.n()).exclude(excluded).build()).items();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("likes", Arrays.stream(liked).mapToObj(i -> Replies.Anime.of(model.info(i))).toList());
        reply.put("unknown", unknown);
        reply.put("items", Replies.scored(top, model));
        return reply;
    }

    /** {@code POST /api/recommend} with a MyAnimeList export: its likes folded in, every listed anime left out. */
    static Map<String, Object> forMalList(ServedModel m, byte[] body, int minScore, int n, AnimeFilter filter) {
        AnimeModel model = m.anime();
        IntPredicate excluded = excluded(m, filter);
        MalListExport export;
        try {
            export = MalListReader.read(new ByteArrayInputStream(body), UPLOAD);
        } catch (DataFormatException e) {
            throw new ApiException(e.getMessage().contains("is larger than") ? 413 : 400, e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(UPLOAD + ": not a MyAnimeList list export (" + Echo.of(e.getMessage()) + ")");
        }
        MalListLikes list = MalListLikes.of(model, MalListTaste.of(export, minScore));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("entries", list.entries());
        counts.put("used", list.used());
        Map<String, Integer> ignored = new LinkedHashMap<>();
        list.ignored().forEach((reason, count) -> ignored.put(reason.name().toLowerCase(Locale.ROOT), count));
        counts.put("ignored", ignored);
        counts.put("unknown", list.unknown());
        counts.put("summary", list.summary());
        if (list.used() == 0) {
            throw new ApiException(404, "the list has no like the model knows (" + list.summary()
                    + "); try a lower min_score", Map.of("list", counts));
        }
        boolean[] listed = new boolean[model.allInfo().size()];
        for (int i : list.listedItems()) listed[i] = true;
        List<ScoredItem> top = model.model().recommendForNewUserByIndex(list.likedItems(), RecommendOptions.builder()
                .k(n).exclude(i -> listed[i] || excluded.test(i)).build()).items();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("list", counts);
        reply.put("items", Replies.scored(top, model));
        return reply;
    }

    /** {@code GET /api/similar}: the nearest anime by cosine of the item embeddings. */
    static Map<String, Object> similar(ServedModel m, String anime, int n, AnimeFilter filter) {
        AnimeModel model = m.anime();
        IntPredicate excluded = excluded(m, filter);
        int item = resolve(m, anime);
        List<ScoredItem> top = model.model().similarItemsByIndex(item, SimilarOptions.builder().k(n)
                .exclude(excluded).build());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("anime", Replies.Anime.of(model.info(item)));
        reply.put("items", Replies.scored(top, model));
        return reply;
    }

    /** {@code GET /api/anime?q=}: titles for autocompletion. */
    static Map<String, Object> search(ServedModel m, String q, int n, AnimeFilter filter) {
        List<Replies.Anime> items = new ArrayList<>();
        for (int i : m.search().find(q, n, filter::accepts)) items.add(Replies.Anime.of(m.anime().info(i)));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("q", q);
        reply.put("items", items);
        return reply;
    }

    private static int resolve(ServedModel m, String anime) {
        try {
            return m.lookup().resolve(anime);
        } catch (AnimeQueryException e) {
            throw queryError(e);
        }
    }

    private static IntPredicate excluded(ServedModel m, AnimeFilter filter) {
        try {
            return m.excluded(filter);
        } catch (AnimeQueryException e) {
            throw queryError(e);
        }
    }

    /** INVALID is the client's typo (400); an unknown or ambiguous anime is not found as one anime (404). */
    static ApiException queryError(AnimeQueryException e) {
        int status = e.kind() == AnimeQueryException.Kind.INVALID ? 400 : 404;
        return new ApiException(status, e.getMessage(), e.suggestions().isEmpty() ? Map.of()
                : Map.of("suggestions", Replies.Suggestion.of(e)));
    }
}
