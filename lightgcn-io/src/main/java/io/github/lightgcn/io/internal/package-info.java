/**
 * What the readers of the io module share, not part of its API ({@code module-info} does not export it): opening
 * text files ({@link io.github.lightgcn.io.internal.TextFiles}: UTF-8 only, UTF-16 and UTF-32 named and refused) and
 * reading their lines with a bound on their length ({@link io.github.lightgcn.io.internal.Lines}), values echoed in
 * messages ({@link io.github.lightgcn.io.internal.Echo}: short, control characters escaped), and the one CSV layer
 * every CSV reader and writer uses ({@link io.github.lightgcn.io.internal.CsvReader},
 * {@link io.github.lightgcn.io.internal.CsvHeader}, {@link io.github.lightgcn.io.internal.CsvFields},
 * {@link io.github.lightgcn.io.internal.CsvWriter}).
 */
package io.github.lightgcn.io.internal;
