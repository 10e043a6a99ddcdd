package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.random.Rng;

/**
 * What users choose: popularity times taste, sampled exactly without replacement. One weight tree over all anime
 * and one per genre; a picked anime is taken out of every tree it is in, and put back when the user is done.
 */
final class Tastes {

    private static final double TASTE_SHARE = 0.8; // draws from a liked genre; the rest by popularity alone

    private final int numGenres = MalVocabulary.GENRES.size();
    private final int[][] members;         // anime of each genre
    private final int[][] genresOf;        // genres of each anime
    private final int[][] positionsOf;     // where each anime sits in its genres' member lists
    private final long[] weight;
    private final WeightTree global;
    private final WeightTree[] byGenre;
    private final int[] genreWeights;      // how likely users like each genre

    Tastes(Catalog c) {
        int n = c.size();
        weight = new long[n];
        long[] sizes = new long[numGenres];
        genresOf = new int[n][];
        for (int i = 0; i < n; i++) {
            weight[i] = Math.max(1, Math.round(c.weight[i] * 1000)); // exact integers, fame <= Catalog.MAX_FAME
            genresOf[i] = c.anime.get(i).genres().stream().mapToInt(MalVocabulary.GENRES::indexOf).toArray();
            for (int g : genresOf[i]) sizes[g]++;
        }
        members = new int[numGenres][];
        for (int g = 0; g < numGenres; g++) members[g] = new int[(int) sizes[g]];
        positionsOf = new int[n][];
        int[] fill = new int[numGenres];
        for (int i = 0; i < n; i++) {
            positionsOf[i] = new int[genresOf[i].length];
            for (int k = 0; k < genresOf[i].length; k++) {
                int g = genresOf[i][k];
                positionsOf[i][k] = fill[g];
                members[g][fill[g]++] = i;
            }
        }
        global = new WeightTree(weight);
        byGenre = new WeightTree[numGenres];
        genreWeights = new int[numGenres];
        for (int g = 0; g < numGenres; g++) {
            long[] w = new long[members[g].length];
            for (int k = 0; k < w.length; k++) w[k] = weight[members[g][k]];
            byGenre[g] = new WeightTree(w);
            genreWeights[g] = (int) Math.round(Math.sqrt(members[g].length) * 100);
        }
    }

    /** One to three distinct liked genres, a genre's chance growing with the square root of its size. */
    int[] likedGenres(Rng rng) {
        int[] weights = genreWeights.clone();
        int available = 0;
        for (int w : weights) if (w > 0) available++;
        int k = Math.min(1 + rng.nextInt(3), available);
        int[] liked = new int[k];
        for (int j = 0; j < k; j++) {
            liked[j] = Draws.drawIndex(weights, rng);
            weights[liked[j]] = 0;
        }
        return liked;
    }

    /** Whether anime {@code item} (a catalog index) has one of the {@code liked} genres. */
    boolean likes(int[] liked, int item) {
        for (int g : genresOf[item]) for (int l : liked) if (g == l) return true;
        return false;
    }

    /** A new anime for this user: from a liked genre (by popularity) with probability TASTE_SHARE, else by popularity alone. */
    int pick(int[] liked, Rng rng) {
        int g = liked.length == 0 ? -1 : liked[rng.nextInt(liked.length)];
        int item;
        if (g >= 0 && rng.nextDouble() < TASTE_SHARE && byGenre[g].total() > 0) {
            item = members[g][byGenre[g].find((long) (rng.nextDouble() * byGenre[g].total()))];
        } else {
            item = global.find((long) (rng.nextDouble() * global.total()));
        }
        move(item, -1);
        return item;
    }

    /** Puts back the anime a user picked, so the next user draws from the full catalog. */
    void restore(int[] picked, int count) {
        for (int k = 0; k < count; k++) move(picked[k], +1);
    }

    private void move(int item, int sign) {
        global.add(item, sign * weight[item]);
        for (int k = 0; k < genresOf[item].length; k++) {
            byGenre[genresOf[item][k]].add(positionsOf[item][k], sign * weight[item]);
        }
    }
}
