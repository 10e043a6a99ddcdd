package io.github.lightgcn.io.mal;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.internal.CsvFields;
import io.github.lightgcn.io.internal.CsvHeader;
import io.github.lightgcn.io.internal.CsvReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a MAL rating file, {@code user_id,anime_id,rating}, into a {@link MalDataset}.
 *
 * <p>The header is optional (the Kaggle file's tail pieces have none): the first row is a header when none of
 * its fields is a number, and then columns are found by name. Rating is -1 (watched, not scored) or 1..10.
 * A row is malformed when it has the wrong number of fields, a non-integer or negative id, or a rating that
 * is not -1 or 1..10; that is a {@link DataFormatException} naming the line and field, unless
 * {@link RatingOptions#skipBadRows()} is set. Rows below the minimum rating, rows of anime absent from the
 * catalog and repeated (user, anime) pairs are dropped and counted ({@link LoadSummary}).
 */
public final class RatingsCsv {

    /** The three columns, in the Kaggle file's order. */
    public static final List<String> COLUMNS = List.of("user_id", "anime_id", "rating");

    private static final int MAX_EXAMPLES = 5;

    private RatingsCsv() {}

    /**
     * Reads ratings against a catalog.
     *
     * @throws DataFormatException for an empty file, a header without one of the three columns, a malformed row
     *                             (unless skipped), or when no interaction is left after filtering
     */
    public static MalDataset read(Path file, AnimeCatalog catalog, RatingOptions options) throws IOException {
        Reading reading = new Reading(file, catalog, options);
        try (CsvReader csv = CsvReader.open(file)) {
            reading.readAll(csv);
        }
        return reading.dataset();
    }

    /** The state of one pass over a file. */
    private static final class Reading {
        final Path file;
        final AnimeCatalog catalog;
        final RatingOptions options;
        int userCol = 0, animeCol = 1, ratingCol = 2;
        CsvHeader header = CsvHeader.implicit(COLUMNS);
        boolean hadHeader;
        long rowsRead, skippedBad, filtered, unknownAnime, unscored;
        final List<String> examples = new ArrayList<>();
        int[] users = new int[1024], anime = new int[1024];
        int size;

        Reading(Path file, AnimeCatalog catalog, RatingOptions options) {
            this.file = file;
            this.catalog = catalog;
            this.options = options;
        }

        void readAll(CsvReader csv) throws IOException {
            if (!csv.next()) throw new DataFormatException(file, "the file is empty (expected rows "
                    + String.join(",", COLUMNS) + ")");
            if (CsvFields.isHeader(csv)) {
                hadHeader = true;
                header = CsvHeader.of(csv);
                int[] col = header.positions(csv, COLUMNS);
                userCol = col[0];
                animeCol = col[1];
                ratingCol = col[2];
            } else {
                row(csv);
            }
            while (csv.next()) row(csv);
        }

        private void row(CsvReader r) throws DataFormatException {
            rowsRead++;
            DataFormatException count = header.countError(r);
            if (count != null) {
                bad(count);
                return;
            }
            long user = CsvFields.parseInt(r.get(userCol));
            if (user < 0) {
                bad(r.error("user_id", CsvFields.quote(r.get(userCol)) + (user == CsvFields.NOT_AN_INT
                        ? " is not an integer" : " is negative")));
                return;
            }
            long animeId = CsvFields.parseInt(r.get(animeCol));
            if (animeId < 0) {
                bad(r.error("anime_id", CsvFields.quote(r.get(animeCol)) + (animeId == CsvFields.NOT_AN_INT
                        ? " is not an integer" : " is negative")));
                return;
            }
            long rating = CsvFields.parseInt(r.get(ratingCol));
            if (rating == CsvFields.NOT_AN_INT || rating < -1 || rating == 0 || rating > 10) {
                bad(r.error("rating", CsvFields.quote(r.get(ratingCol))
                        + " is not a rating (-1 for watched but not scored, or 1..10)"));
                return;
            }
            if (rating == -1) unscored++;
            if (!options.keeps((int) rating)) {
                filtered++;
            } else if (!catalog.contains((int) animeId)) {
                unknownAnime++;
            } else {
                add((int) user, (int) animeId);
            }
        }

        private void bad(DataFormatException e) throws DataFormatException {
            if (!options.skipBadRows()) throw e;
            skippedBad++;
            if (examples.size() < MAX_EXAMPLES) examples.add(e.getMessage());
        }

        private void add(int user, int animeId) {
            if (size == users.length) {
                users = Arrays.copyOf(users, size * 2);
                anime = Arrays.copyOf(anime, size * 2);
            }
            users[size] = user;
            anime[size++] = animeId;
        }

        MalDataset dataset() throws DataFormatException {
            if (size == 0) {
                throw new DataFormatException(file, "no interaction left after filtering (" + rowsRead + " rows read, "
                        + skippedBad + " bad rows skipped, " + filtered + " below the minimum rating, " + unknownAnime
                        + " with an anime_id not in the catalog)");
            }
            int[] u = Arrays.copyOf(users, size), a = Arrays.copyOf(anime, size);
            users = anime = null; // let the growth buffers go before the graph is built
            IdMapping userIds = IdMapping.of(u), animeIds = IdMapping.of(a);
            userIds.toIndices(u);
            animeIds.toIndices(a);
            InteractionGraph graph = InteractionGraph.fromPairs(userIds.size(), animeIds.size(), u, a);
            LoadSummary summary = new LoadSummary(rowsRead, graph.numEdges(), skippedBad, filtered, unknownAnime,
                    graph.duplicatesMerged(), unscored, hadHeader, examples);
            return new MalDataset(catalog, userIds, animeIds, graph, summary);
        }
    }
}
