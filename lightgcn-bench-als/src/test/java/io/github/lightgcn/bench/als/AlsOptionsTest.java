package io.github.lightgcn.bench.als;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlsOptionsTest {

    @Test
    void theDefaultsAreAlsMdsProtocol() {
        AlsOptions o = AlsOptions.parse();
        assertEquals(BenchSplit.Name.MAL, o.split());
        assertEquals(AlsGrid.Kind.BEST, o.grid());
        assertEquals(15, o.maxIter());
        assertEquals(42, o.seed());
        assertEquals("local[2]", o.master());
        assertNull(o.out());
        assertNull(o.writeSplit());
    }

    @Test
    void everyOptionIsRead() {
        AlsOptions o = AlsOptions.parse("--split", "lastfm", "--grid", "full", "--max-iter", "3", "--seed", "7",
                "--out", "r.json", "--shared", "/data/shared", "--master", "local[1]", "--write-split", "parts");
        assertEquals(BenchSplit.Name.LASTFM, o.split());
        assertEquals(AlsGrid.Kind.FULL, o.grid());
        assertEquals(3, o.maxIter());
        assertEquals(7, o.seed());
        assertEquals(Path.of("r.json"), o.out());
        assertEquals(Path.of("/data/shared"), o.shared());
        assertEquals("local[1]", o.master());
        assertEquals(Path.of("parts"), o.writeSplit());
    }

    @Test
    void badOptionsNameTheOptionAndItsRange() {
        assertEquals("--max-iter must be in [1, 10000], got 0", message("--max-iter", "0"));
        assertEquals("--seed must be an integer, got 'x'", message("--seed", "x"));
        assertEquals("--out needs a value", message("--out"));
        assertEquals("unexpected argument 'mal'", message("mal"));
        assertEquals("unknown option --epochs (--split, --grid, --max-iter, --seed, --out, --shared, --master, "
                + "--write-split)",
                message("--epochs", "3"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> AlsOptions.parse(args)).getMessage();
    }
}
