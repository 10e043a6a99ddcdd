package io.github.lightgcn.io.mal.generator;

import java.io.IOException;
import java.io.OutputStream;

/** Buffered ASCII output of numbers and short texts, without a per-row String, encoder or stream lock. */
final class AsciiWriter implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int size;

    AsciiWriter(OutputStream out) {
        this.out = out;
    }

    private void room(int bytes) throws IOException {
        if (size + bytes > buffer.length) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }

    AsciiWriter text(String ascii) throws IOException {
        room(ascii.length());
        for (int i = 0; i < ascii.length(); i++) buffer[size++] = (byte) ascii.charAt(i);
        return this;
    }

    AsciiWriter integer(int v) throws IOException {
        room(11);
        long x = v;
        if (x < 0) {
            buffer[size++] = '-';
            x = -x;
        }
        int digits = 1;
        for (long t = x; t >= 10; t /= 10) digits++;
        for (int p = size + digits - 1; p >= size; p--) {
            buffer[p] = (byte) ('0' + x % 10);
            x /= 10;
        }
        size += digits;
        return this;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            out.write(buffer, 0, size);
        }
    }
}
