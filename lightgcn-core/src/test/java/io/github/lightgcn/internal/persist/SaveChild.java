package io.github.lightgcn.internal.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process for {@link SaveTargetTest}: {@code lock FILE} holds a lock on FILE (as a save in progress does)
 * until its standard input closes; {@code save TARGET BYTES} saves a container of that many payload bytes and prints
 * "saved" or the error's message.
 */
public final class SaveChild {

    private SaveChild() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        if (args[0].equals("lock")) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = c.lock()) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // hold the lock until the parent closes our input
                }
            }
            return;
        }
        try (ChecksummedOutput out = ChecksummedFile.create(file, "TESTFILE", 2, "test")) {
            out.putBytes(new byte[Integer.parseInt(args[2])]);
            out.commit();
            System.out.println("saved");
        } catch (IOException e) {
            System.out.println(e.getMessage());
        }
    }
}
