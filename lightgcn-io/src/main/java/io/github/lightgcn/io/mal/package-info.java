/**
 * MyAnimeList data: the Kaggle "Anime Recommendations Database" files and data shaped like them.
 *
 * <ul>
 *   <li>{@link io.github.lightgcn.io.mal.AnimeCsv} reads {@code anime.csv} into an
 *       {@link io.github.lightgcn.io.mal.AnimeCatalog} of {@link io.github.lightgcn.io.mal.Anime} (HTML entities
 *       decoded, absent values as empty optionals); {@link io.github.lightgcn.io.mal.TitleIndex} finds anime by a
 *       typed title.</li>
 *   <li>{@link io.github.lightgcn.io.mal.RatingsCsv} reads {@code user_id,anime_id,rating} into a
 *       {@link io.github.lightgcn.io.mal.MalDataset}: an interaction graph over users and rated anime, their
 *       {@link io.github.lightgcn.io.mal.IdMapping}s, and a {@link io.github.lightgcn.io.mal.LoadSummary} of every
 *       row dropped and why.</li>
 *   <li>{@link io.github.lightgcn.io.mal.Splitter}s cut {@link io.github.lightgcn.io.mal.Interactions} into a
 *       {@link io.github.lightgcn.io.mal.MalSplit}, written and read as {@code train.csv}, {@code val.csv},
 *       {@code test.csv} of original ids and turned into {@link io.github.lightgcn.io.mal.SplitGraphs}.</li>
 *   <li>{@link io.github.lightgcn.io.mal.MalGenerator} writes data of any size with the same layout and quirks.</li>
 * </ul>
 *
 * <p>Every reader fails with a {@link io.github.lightgcn.io.DataFormatException} that names the file, the line
 * and the field of a malformed row; nothing is dropped without being counted.
 */
package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.IdMapping;
