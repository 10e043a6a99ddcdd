package io.github.lightgcn;

import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first; others wait for it. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    Lazy(Supplier<T> compute) { this.compute = compute; }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = compute.get();
            }
        }
        return v;
    }
}
