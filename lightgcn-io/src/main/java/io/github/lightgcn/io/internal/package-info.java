/**
 * What the readers of the io module share, not part of its API ({@code module-info} does not export it): opening
 * text files ({@link io.github.lightgcn.io.internal.TextFiles}), the one CSV layer every CSV reader and writer
 * uses ({@link io.github.lightgcn.io.internal.CsvReader}, {@link io.github.lightgcn.io.internal.CsvHeader},
 * {@link io.github.lightgcn.io.internal.CsvFields}, {@link io.github.lightgcn.io.internal.CsvWriter}).
 */
package io.github.lightgcn.io.internal;
