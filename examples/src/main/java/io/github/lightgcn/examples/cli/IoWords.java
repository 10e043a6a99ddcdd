package io.github.lightgcn.examples.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import java.util.Map;

/**
 * What an I/O failure means, in words, for a message that names the file itself: never the JDK's exception class
 * ({@code FileAlreadyExistsException}), never its raw reason without a path ({@code Is a directory}), never the
 * temporary file's name. The operating system's common reasons are said in the command line's words; others are
 * passed on in lower case.
 */
public final class IoWords {

    /** The operating system's reasons (strerror) that have words of our own. */
    private static final Map<String, String> OS_REASONS = Map.of(
            "is a directory", "it is a folder",
            "not a directory", "a file is in the way of a folder",
            "too many levels of symbolic links", "a loop of symbolic links",
            "no such file or directory", "no such file or folder",
            "directory not empty", "a folder that is not empty is in the way",
            "file exists", "a file of that name is in the way",
            "operation not permitted", "permission denied");

    private IoWords() {}

    /**
     * Why {@code e} failed, without any path it carries, e.g. "permission denied", "no space left on device"; for a
     * message of our own (a library or reader message that names its file) the message itself.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            return os(f.getReason());
        }
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof NotDirectoryException) return "a file is in the way of a folder";
        if (e instanceof DirectoryNotEmptyException) return "a folder that is not empty is in the way";
        if (e instanceof FileSystemLoopException) return "a loop of symbolic links";
        if (e instanceof NotLinkException) return "it is not a symbolic link";
        if (e instanceof AtomicMoveNotSupportedException) return "it cannot be replaced in one step on this file system";
        if (e instanceof FileSystemException) return "the file system refused it";
        if (e instanceof EOFException) return "it ends too soon";
        if (e instanceof UTFDataFormatException) return "its text is malformed";
        if (e instanceof CharacterCodingException) return "its text is not valid UTF-8";
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input/output error" : os(message);
    }

    /** What an exception caught around a read says: {@link #reason(IOException)}, or the message of anything else. */
    public static String describe(Exception e) {
        if (e instanceof IOException io) return reason(io);
        return e.getMessage() == null || e.getMessage().isBlank() ? "it cannot be read" : e.getMessage();
    }

    /** Why a path could not be used: NUL, or a character the locale's encoding cannot hold. */
    public static String reason(InvalidPathException e) {
        String r = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
        if (r.contains("nul")) return "it contains a NUL character";
        if (r.contains("unmappable") || r.contains("malformed")) {
            return "it has characters that the locale's encoding cannot hold";
        }
        if (r.contains("illegal char")) return "it contains a character file names cannot hold";
        return "it is not a valid path";
    }

    private static String os(String reason) {
        String r = reason.strip();
        String words = OS_REASONS.get(r.toLowerCase(Locale.ROOT));
        if (words != null) return words;
        return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }
}
