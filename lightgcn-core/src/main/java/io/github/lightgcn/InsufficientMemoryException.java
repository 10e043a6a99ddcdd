package io.github.lightgcn;

/** A run would not fit in the JVM's heap; thrown before anything large is allocated. The message gives -Xmx. */
public class InsufficientMemoryException extends IllegalStateException {

    private final long neededBytes;

    public InsufficientMemoryException(long neededBytes, String message) {
        super(message);
        this.neededBytes = neededBytes;
    }

    /** The estimated heap the run needs, in bytes. */
    public long neededBytes() { return neededBytes; }
}
