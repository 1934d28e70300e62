package dev.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Newline-delimited messages over a blocking socket channel, with a hard cap on line length. */
final class LineChannel {
    private final SocketChannel channel;
    private final int maxLine;
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private byte[] line = new byte[256];
    private int lineLength;

    LineChannel(SocketChannel channel, int maxLine) {
        this.channel = channel;
        this.maxLine = maxLine;
        in.flip();
    }

    /** Thrown when a line exceeds the cap; the rest of that line is not read. */
    static final class TooLongException extends IOException {
        TooLongException(int max) {
            super("request longer than " + max + " bytes");
        }
    }

    /** The next line without its newline, or null at end of stream. */
    String readLine() throws IOException {
        lineLength = 0;
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return new String(line, 0, lineLength, StandardCharsets.UTF_8);
                }
                if (lineLength == maxLine) {
                    throw new TooLongException(maxLine);
                }
                if (lineLength == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
                }
                line[lineLength++] = b;
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                return lineLength == 0 ? null : new String(line, 0, lineLength, StandardCharsets.UTF_8);
            }
        }
    }

    void writeLine(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (channel) {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }
}
