package io.github.lightgcn.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small generated split with structure a model can learn: 60 users and 120 items in 4 taste groups; each user
 * picks mostly items of its own group. Written as pairs files (0-based, tab-separated), one edge per line.
 */
public record SmallData(Path train, Path val, Path test) {

    public static final int USERS = 60, ITEMS = 120, GROUPS = 4;

    public static SmallData write(Path dir) throws IOException {
        Random rng = new Random(7);
        List<String> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int group = u % GROUPS;
            boolean[] taken = new boolean[ITEMS];
            for (int n = 0; n < 18; n++) {
                int item = rng.nextDouble() < 0.85 ? group + GROUPS * rng.nextInt(ITEMS / GROUPS)
                        : rng.nextInt(ITEMS);
                if (taken[item]) continue;
                taken[item] = true;
                String line = u + "\t" + item;
                int bucket = n % 6; // about 4 : 1 : 1
                (bucket == 4 ? val : bucket == 5 ? test : train).add(line);
            }
        }
        return new SmallData(Files.write(dir.resolve("train.tsv"), train), Files.write(dir.resolve("val.tsv"), val),
                Files.write(dir.resolve("test.tsv"), test));
    }
}
