package io.github.lightgcn;

/** How the ego embeddings are initialised. */
public enum Initialization {
    /** N(0, σ²) with σ = {@code initStd} (0.1 by default), as in the authors' code. */
    NORMAL,
    /** Xavier/Glorot uniform per table: U(−b, b) with b = √(6 / (rows + dim)), as torch's xavier_uniform_. */
    XAVIER_UNIFORM
}
