package io.github.lightgcn.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The paths one command writes, checked before it loads any data, so that a run cannot destroy its own input or
 * fail at its last step. {@link #check()} refuses, naming the option and the path:
 * <ul>
 *   <li>an output that is one of the command's inputs (after symbolic links and {@code ..}; a hard link too), e.g.
 *       {@code --model-out} = {@code --ratings}: a usage error;</li>
 *   <li>two outputs on one path ({@code --model-out X --curves X}): a usage error;</li>
 *   <li>an output file that exists and is not a regular file (a folder, device, pipe or socket) or is not
 *       writable, an output folder that exists and is a file, and an output whose folder cannot be created or
 *       written in: a runtime failure.</li>
 * </ul>
 * An output that is a symbolic link is written through (the file it points to is replaced): a note says so.
 * Nothing is left behind here: a folder that does not exist yet is created to see that it can be, then removed
 * again; folders are made when the output is written.
 */
final class OutputPaths {

    private record Entry(String option, Path path, Path real, String mayBe) {}

    private final CommandSpec spec;
    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> files = new ArrayList<>();
    private final List<Entry> folders = new ArrayList<>();

    private OutputPaths(CommandSpec spec) { this.spec = spec; }

    /** The paths of the command of {@code spec} (whose output gets the notes, and whose usage errors these are). */
    static OutputPaths of(CommandSpec spec) { return new OutputPaths(spec); }

    /** An input file; null (an option not given) is ignored. */
    OutputPaths input(String option, Path path) {
        if (path != null) inputs.add(new Entry(option, path, real(path), null));
        return this;
    }

    /** An input given as text (an option that is not always a path); null is ignored. */
    OutputPaths input(String option, String path) { return input(option, path == null ? null : Path.of(path)); }

    /** An output file; null is ignored. */
    OutputPaths file(String option, Path path) { return file(option, path, null); }

    /** An output file that may be the input of option {@code mayBe} (a checkpoint that continues the one resumed). */
    OutputPaths file(String option, Path path, String mayBe) {
        if (path != null) files.add(new Entry(option, path, real(path), mayBe));
        return this;
    }

    /** An output folder (its files are replaced); null is ignored. */
    OutputPaths folder(String option, Path path) {
        if (path != null) folders.add(new Entry(option, path, real(path), null));
        return this;
    }

    /**
     * Refuses what would destroy an input or fail later, and prints a note for each output written through a link.
     *
     * @throws ParameterException for an output that is an input or another output
     * @throws CliFailure         for an output that cannot be written
     */
    void check() {
        List<Entry> outputs = new ArrayList<>(files);
        outputs.addAll(folders);
        for (int o = 0; o < outputs.size(); o++) {
            Entry out = outputs.get(o);
            for (Entry in : inputs) {
                if (!in.option().equals(out.mayBe()) && same(out, in)) {
                    throw usage(out, out.path() + " is the " + in.option() + " file: an output must not overwrite"
                            + " an input");
                }
            }
            for (int earlier = 0; earlier < o; earlier++) {
                Entry other = outputs.get(earlier);
                if (same(out, other)) {
                    throw usage(out, out.path() + " is also the " + other.option() + " path: give each output its"
                            + " own");
                }
            }
        }
        for (Entry f : folders) checkFolder(f); // a folder first: the files in it are refused for its reason
        for (Entry f : files) checkFile(f);
        PrintWriter notes = spec.commandLine().getOut();
        for (Entry out : outputs) {
            if (Files.isSymbolicLink(out.path())) {
                notes.println("note: " + out.option() + " " + out.path() + " is a symbolic link: " + out.real()
                        + " is written");
            }
        }
        notes.flush();
    }

    private void checkFile(Entry f) {
        BasicFileAttributes a = attributes(f.real());
        if (a != null && !a.isRegularFile()) {
            throw new CliFailure(f.option() + " " + shown(f) + " is " + kind(f.real(), a) + ", not a regular file");
        }
        if (a != null && !Files.isWritable(f.real())) {
            throw new CliFailure(f.option() + " " + shown(f) + " is not writable");
        }
        writableFolder(f, f.real().getParent());
    }

    private void checkFolder(Entry f) {
        BasicFileAttributes a = attributes(f.real());
        if (a != null && !a.isDirectory()) {
            throw new CliFailure(f.option() + " " + shown(f) + " is " + (a.isRegularFile() ? "a file"
                    : kind(f.real(), a)) + ", not a folder");
        }
        writableFolder(f, f.real());
    }

    /**
     * The folder exists and a file can be created in it, or it can be created: tried, since only trying tells (root
     * passes every permission check, yet cannot write in /proc; ACLs, quotas, read-only mounts). What the try made
     * (an empty file, the missing folders) is removed again at once.
     */
    private static void writableFolder(Entry f, Path folder) {
        if (folder == null) return;
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) {
            throw new CliFailure(f.option() + " " + shown(f) + ": its folder " + folder + " cannot be created, "
                    + existing + " is a file");
        }
        Deque<Path> created = new ArrayDeque<>();
        try {
            Deque<Path> missing = new ArrayDeque<>();
            for (Path p = folder; !p.equals(existing); p = p.getParent()) missing.push(p);
            for (Path p : missing) {
                try {
                    created.push(Files.createDirectory(p));
                } catch (IOException e) {
                    throw new CliFailure(f.option() + " " + shown(f) + ": its folder " + folder + " cannot be created"
                            + (p.equals(folder) ? "" : " (" + p + " cannot)") + ": " + IoWords.reason(e));
                }
            }
            try {
                Files.delete(Files.createTempFile(folder, ".lightgcn-probe-", ".tmp"));
            } catch (IOException e) {
                throw new CliFailure(f.option() + " " + shown(f) + ": cannot write in the folder " + folder + ": "
                        + IoWords.reason(e));
            }
        } finally {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // an empty folder left behind; the command creates it anyway when it writes
                }
            }
        }
    }

    private ParameterException usage(Entry option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option.option() + "': "
                + problem);
    }

    private static String shown(Entry e) {
        return e.real().equals(e.path().toAbsolutePath().normalize()) ? e.path().toString()
                : e.path() + " (" + e.real() + ")";
    }

    /** Whether two paths name one file: the same real path, or (both existing) the same file by its identity. */
    private static boolean same(Entry a, Entry b) {
        if (a.real().equals(b.real())) return true;
        try {
            return Files.exists(a.real()) && Files.exists(b.real()) && Files.isSameFile(a.real(), b.real());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The absolute path with symbolic links and {@code ..} resolved as far as the path exists; the rest, which does
     * not exist yet, is normalised as text.
     */
    static Path real(Path path) { return real(path, 0); }

    private static Path real(Path path, int links) {
        Path abs = path.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing) && links < 40) { // dangling: what it points to is what gets written
                try {
                    Path target = Files.readSymbolicLink(existing);
                    Path parent = existing.getParent();
                    Path resolved = parent == null ? target : parent.resolve(target);
                    for (Path m : missing) resolved = resolved.resolve(m);
                    return real(resolved, links + 1);
                } catch (IOException e) {
                    // unreadable: compare it as written
                }
            }
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        while (!missing.isEmpty()) real = real.resolve(missing.pop());
        return real.normalize();
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** What the file at {@code p} (after its links) is: "a folder", "a named pipe", "a character device", ... */
    static String kind(Path p) {
        try {
            Path real = p.toRealPath();
            return kind(real, Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return "a device, pipe or socket";
        }
    }

    /** "a folder", "a character device", ... */
    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        try {
            switch ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a named pipe";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view: say it generally
        }
        return "a device, pipe or socket";
    }
}
