/**
 * Reading interaction files into {@link io.github.lightgcn.graph.InteractionGraph}s, one reader per format:
 * {@link io.github.lightgcn.io.AdjacencyListReader} (the LightGCN paper's {@code train.txt}),
 * {@link io.github.lightgcn.io.PairFileReader} (one user–item pair per line) and
 * {@link io.github.lightgcn.io.CsvPairReader} (the CSV split format, original ids under a header).
 * {@link io.github.lightgcn.io.SplitReader} reads train, validation and test files onto one id universe
 * ({@link io.github.lightgcn.io.InteractionSplit}), mapping original ids with
 * {@link io.github.lightgcn.io.IdMapping}. Malformed input is a
 * {@link io.github.lightgcn.io.DataFormatException} naming the file, the line and the field.
 */
package io.github.lightgcn.io;
