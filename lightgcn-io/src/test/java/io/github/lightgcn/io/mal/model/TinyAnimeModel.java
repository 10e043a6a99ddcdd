package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.AnimeCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A hand-made anime model for lookup and filter tests: embeddings chosen so the scores are known. */
final class TinyAnimeModel {

    private TinyAnimeModel() {}

    static Anime anime(int id, String title, String genres, String type, int members) {
        return new Anime(id, title, genres.isEmpty() ? List.of() : List.of(genres.split(", ")),
                type.isEmpty() ? Optional.empty() : Optional.of(type), OptionalInt.of(12), OptionalDouble.of(8.0),
                members < 0 ? OptionalInt.empty() : OptionalInt.of(members));
    }

    /** Every anime of the catalog rated by user 100 or 101 (so all are in the model); dim 1, item score = its id. */
    static AnimeModel of(List<Anime> catalog) {
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        b.addUser(100);
        b.addUser(101);
        for (Anime a : catalog) b.add(a.id() % 2 == 0 ? 100 : 101, a.id());
        KeyedInteractions train = b.build();
        float[] users = {1f, 1f};
        float[] items = new float[catalog.size()];
        List<Anime> byIndex = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            long key = train.itemKeys().longKeys()[i];
            items[i] = key;
            byIndex.add(catalog.stream().filter(a -> a.id() == key).findFirst().orElseThrow());
        }
        LightGCNModel model = LightGCNModel.of(users, items, 1, train, Map.of());
        return AnimeModel.of(model, AnimeCatalog.of(byIndex));
    }
}
