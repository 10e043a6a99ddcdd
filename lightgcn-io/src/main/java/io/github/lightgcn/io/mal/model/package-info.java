/**
 * A trained model that speaks MyAnimeList: {@link io.github.lightgcn.io.mal.model.AnimeModel} (the model with the
 * metadata of every anime it can recommend, saved inside the model file), {@link
 * io.github.lightgcn.io.mal.model.AnimeLookup} (titles and ids as people type them), {@link
 * io.github.lightgcn.io.mal.model.AnimeFilter} (adult titles, genre, type, members) and {@link
 * io.github.lightgcn.io.mal.model.MalListLikes} (a MyAnimeList list export as the likes of a new user). The command
 * line and the service both answer through these, so they recommend the same anime for the same question.
 */
package io.github.lightgcn.io.mal.model;
