/**
 * Reading interaction files into {@link io.github.lightgcn.graph.InteractionGraph}s: the LightGCN paper's
 * adjacency-list format, user–item pair files, and the MAL split's CSV files with original ids. Malformed input
 * is a {@link io.github.lightgcn.io.DataFormatException} naming the file, the line and the field.
 */
package io.github.lightgcn.io;
