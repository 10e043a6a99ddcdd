/**
 * A generator of MyAnimeList-shaped data of any size ({@link io.github.lightgcn.io.mal.generator.MalGenerator}):
 * an {@code anime.csv} and a {@code rating.csv} with the Kaggle files' layout and quirks, and tastes for a
 * recommender to learn. The same seed gives byte-identical files.
 */
package io.github.lightgcn.io.mal.generator;
