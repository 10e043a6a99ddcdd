/**
 * MyAnimeList data: the Kaggle "Anime Recommendations Database" files and users' list exports.
 *
 * <ul>
 *   <li>{@link io.github.lightgcn.io.mal.AnimeCsv} reads {@code anime.csv} into an
 *       {@link io.github.lightgcn.io.mal.AnimeCatalog} of {@link io.github.lightgcn.io.mal.Anime} (HTML entities
 *       decoded, absent values as empty optionals); {@link io.github.lightgcn.io.mal.TitleIndex} finds anime by a
 *       typed title.</li>
 *   <li>{@link io.github.lightgcn.io.mal.RatingsCsv} reads {@code user_id,anime_id,rating} into a
 *       {@link io.github.lightgcn.io.mal.MalDataset}: an interaction graph over users and rated anime, their
 *       {@link io.github.lightgcn.io.IdMapping}s, and a {@link io.github.lightgcn.io.mal.LoadSummary} of every
 *       row dropped and why. Its {@link io.github.lightgcn.io.mal.MalDataset#interactions()} are what the
 *       splitters of {@link io.github.lightgcn.io.split} cut.</li>
 *   <li>{@link io.github.lightgcn.io.mal.MalListReader} reads a user's list export (XML) into a
 *       {@link io.github.lightgcn.io.mal.MalListExport}; {@link io.github.lightgcn.io.mal.MalListTaste} turns it
 *       into the anime they like.</li>
 * </ul>
 * Data of any size with the same layout and quirks comes from {@link io.github.lightgcn.io.mal.generator}.
 *
 * <p>Every reader fails with a {@link io.github.lightgcn.io.DataFormatException} that names the file, the line
 * and the field of a malformed row; nothing is dropped without being counted.
 */
package io.github.lightgcn.io.mal;
