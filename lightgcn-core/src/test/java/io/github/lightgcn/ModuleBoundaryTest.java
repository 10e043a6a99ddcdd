package io.github.lightgcn;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The core module exports its API packages to everyone and its internal packages only to the benchmarks: a user who
 * puts the jar on the module path cannot reach the machinery, and neither can the command line, which is built on
 * the API alone.
 */
class ModuleBoundaryTest {

    private static ModuleDescriptor coreDescriptor() throws URISyntaxException {
        Path classes = Path.of(LightGCN.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    }

    @Test
    void onlyTheApiIsExportedToEveryone() throws URISyntaxException {
        ModuleDescriptor core = coreDescriptor();
        assertEquals("io.github.lightgcn.core", core.name());
        Set<String> open = new TreeSet<>(), qualified = new TreeSet<>();
        for (ModuleDescriptor.Exports e : core.exports()) (e.isQualified() ? qualified : open).add(e.source());
        assertEquals(Set.of("io.github.lightgcn", "io.github.lightgcn.graph", "io.github.lightgcn.eval",
                "io.github.lightgcn.random", "io.github.lightgcn.tune"), open);
        for (String p : qualified) assertTrue(p.startsWith("io.github.lightgcn.internal."), p);
        for (String p : core.packages()) {
            if (p.contains(".internal")) assertFalse(open.contains(p), p + " is internal but exported to everyone");
        }
        assertTrue(core.requires().stream().allMatch(r -> r.name().startsWith("java.")
                || r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)), "no runtime dependency");
    }

    @Test
    void internalPackagesGoOnlyToTheBenchmarks() throws URISyntaxException {
        Map<String, Set<String>> targets = new TreeMap<>();
        for (ModuleDescriptor.Exports e : coreDescriptor().exports()) {
            if (e.isQualified()) targets.put(e.source(), e.targets());
        }
        assertFalse(targets.isEmpty());
        Set<String> allowed = Set.of("io.github.lightgcn.bench");
        targets.forEach((p, to) -> assertTrue(allowed.containsAll(to), p + " is exported to " + to));
    }
}
