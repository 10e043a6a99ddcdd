package io.github.lightgcn.examples.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one check of an input file named by an option, before any work: it says what is really wrong, naming the
 * option and the path (not found; a folder; a named pipe or device; a symbolic link that leads nowhere or in a
 * loop; a file where a folder of its path should be; not readable), where a plain "not found" would mislead.
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * Refuses {@code file} unless it is a readable regular file.
     *
     * @throws CliFailure {@code <option> file not found: <file>}, {@code <option> <file> is a folder, not a file}, ...
     */
    public static void require(String option, Path file) {
        BasicFileAttributes a = attributes(file, true);
        if (a == null) throw new CliFailure(option + " " + whyMissing(file));
        if (a.isDirectory()) throw new CliFailure(option + " " + file + " is a folder, not a file");
        if (!a.isRegularFile()) {
            throw new CliFailure(option + " " + file + " is " + OutputPaths.kind(file) + ", not a regular file");
        }
        if (!Files.isReadable(file)) throw new CliFailure(option + " " + file + " is not readable: permission denied");
    }

    /** Why a path does not lead to a file: a link to nowhere or in a loop, a file in its path, or nothing there. */
    private static String whyMissing(Path file) {
        if (attributes(file, false) != null) { // the path itself exists: a symbolic link that leads nowhere
            try {
                file.toRealPath();
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("symbolic links")) {
                    return file + " is a symbolic link in a loop";
                }
            } catch (IOException e) {
                // as below
            }
            try {
                return file + " is a symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist";
            } catch (IOException e) {
                return "file not found: " + file;
            }
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            BasicFileAttributes a = attributes(p, true);
            if (a != null) {
                return a.isDirectory() ? "file not found: " + file
                        : "file not found: " + file + " (" + p + " is a file, not a folder)";
            }
        }
        return "file not found: " + file;
    }

    private static BasicFileAttributes attributes(Path p, boolean followLinks) {
        try {
            return followLinks ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
