package io.github.lightgcn.examples.training;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Where long work shows its progress: progress bars on stderr when a person is watching (a console), nothing
 * extra otherwise (CI, pipes and files get the plain log lines only, no carriage-return noise).
 */
public final class Progress {

    private final boolean bars;

    private Progress(boolean bars) { this.bars = bars; }

    /** Bars when the JVM has a console (stdin and stdout are a terminal). */
    public static Progress detect() { return new Progress(System.console() != null); }

    /** No bars: for tests and embedding. */
    static Progress plain() { return new Progress(false); }

    public boolean bars() { return bars; }

    /** A bar of {@code max} steps, or a no-op when not on a terminal. */
    public Bar bar(String task, long max) {
        if (!bars) return Bar.NONE;
        ProgressBar pb = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        return new Bar() {
            @Override
            public void stepTo(long n) { pb.stepTo(n); }

            @Override
            public void stepBy(long n) { pb.stepBy(n); }

            @Override
            public void message(String text) { pb.setExtraMessage(text); }

            @Override
            public void close() { pb.close(); }
        };
    }

    /** A progress bar, or nothing. */
    public interface Bar extends AutoCloseable {
        Bar NONE = new Bar() {
            @Override
            public void stepTo(long n) {}

            @Override
            public void stepBy(long n) {}

            @Override
            public void message(String text) {}

            @Override
            public void close() {}
        };

        void stepTo(long n);

        void stepBy(long n);

        void message(String text);

        @Override
        void close();
    }
}
