package io.github.lightgcn;

/** A recommended item and its score (the dot product of the final user and item embeddings). */
public record ScoredItem(int item, float score) {}
