package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.random.Rng;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The users and their ratings, streamed to {@code rating.csv} one user at a time so that memory stays bounded
 * by the catalog. Each user watches a log-normal number of anime, likes one to three genres and picks by
 * popularity times taste ({@link Tastes}); scores are higher for better anime and liked genres, and about a fifth
 * of the rows are -1 (watched, not scored). User {@code u} draws from random stream {@code u} of the seed.
 */
final class Users {

    /** What was written: users 1..users, and how many rows are -1. */
    record Written(int users, long unscored) {}

    private Users() {}

    /**
     * Writes {@code user_id,anime_id,rating} with a header and CRLF line ends, sorted by user then anime: users
     * 1, 2, ... until exactly {@code interactions} rows.
     */
    static Written write(Path file, Catalog catalog, Tastes tastes, long interactions, double meanPerUser,
                         long seed) throws IOException {
        int n = catalog.size();
        int cap = Math.max(1, n / 3);               // nobody watches most of the catalog
        double sigma = 1.0, mu = Math.log(meanPerUser) - sigma * sigma / 2;
        int[] picked = new int[cap];
        long remaining = interactions, unscored = 0;
        int user = 0;
        try (AsciiWriter out = new AsciiWriter(Files.newOutputStream(file))) {
            out.text("user_id,anime_id,rating\r\n");
            while (remaining > 0) {
                user++;
                Rng rng = Rng.stream(seed, MalGenerator.USER_STREAM, user);
                int degree = (int) Math.min(cap, Math.max(1, Math.round(Math.exp(mu + sigma * rng.nextGaussian()))));
                degree = (int) Math.min(degree, remaining);
                int[] liked = tastes.likedGenres(rng);
                for (int k = 0; k < degree; k++) picked[k] = tastes.pick(liked, rng);
                tastes.restore(picked, degree);
                Arrays.sort(picked, 0, degree);     // catalog index order is anime_id order
                for (int k = 0; k < degree; k++) {
                    int item = picked[k];
                    int rating = rating(catalog.quality[item], tastes.likes(liked, item), rng);
                    if (rating < 0) unscored++;
                    out.integer(user).text(",").integer(catalog.anime.get(item).id()).text(",").integer(rating)
                            .text("\r\n");
                }
                remaining -= degree;
            }
        }
        return new Written(user, unscored);
    }

    /** -1 (watched, not scored) for about a fifth of the rows, else 1..10 around the anime's quality, higher when liked. */
    private static int rating(double quality, boolean liked, Rng rng) {
        if (rng.nextDouble() < MalVocabulary.UNSCORED) return -1;
        double score = quality + 1.3 + (liked ? 0.5 : -0.5) + 1.2 * rng.nextGaussian();
        return (int) Math.min(10, Math.max(1, Math.round(score)));
    }
}
