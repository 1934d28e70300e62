package dev.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One line as a {@link LineSplitter} found it, handed to a {@link LineSink} without decoding it first: the bytes
 * as the child wrote them (no terminator), and the same line with escape sequences and control characters
 * removed. Both Strings are made only when asked for, once; a sink that writes the plain bytes of an ASCII line
 * straight to a file never makes one for it. Capture is byte work, and decoding every line into a String only to
 * encode it again was most of its cost (bench/ANALYSIS.md).
 *
 * <p>A view into the splitter's buffers, reused for the next line: valid only during the {@code line} call;
 * keep the Strings, never the arrays.
 */
public final class SplitLine {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int INITIAL_SCRATCH = 1024;

    private byte[] bytes;
    private int offset;
    private int length;
    private boolean control;
    private byte[] scratch = new byte[INITIAL_SCRATCH];
    private int plainLength = -1;
    private String raw;
    private String plain;
    /** What the splitter found out about a line's bytes while scanning it: see {@link #ascii()}. */
    static final int ASCII = 1;
    static final int NOT_ASCII = -1;
    static final int UNKNOWN = 0;

    private int ascii;

    SplitLine() {
    }

    /** Points this view at the next line. */
    void reset(byte[] bytes, int offset, int length, boolean control, int ascii) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.control = control;
        this.plainLength = -1;
        this.raw = null;
        this.plain = null;
        this.ascii = ascii;
        if (scratch.length > 64 * 1024) {
            scratch = new byte[INITIAL_SCRATCH]; // give back the memory of a one-off huge line
        }
    }

    /** The line as the child wrote it, colours and all. */
    public String raw() {
        if (raw == null) {
            raw = new String(bytes, offset, length, charset());
        }
        return raw;
    }

    /**
     * How to decode: for a line the splitter found pure ASCII, ISO-8859-1 gives the same String and the JDK copies
     * the bytes without scanning them again (UTF-8 decoding first checks every byte for the high bit, which without
     * the optimising compiler is a byte-by-byte loop).
     */
    private java.nio.charset.Charset charset() {
        return ascii == ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    /** The line without escape sequences and control characters; the very same String as {@link #raw()} when there were none. */
    public String plain() {
        if (plain == null) {
            plain = control ? new String(plainArray(), 0, plainLength(), charset()) : raw();
        }
        return plain;
    }

    /**
     * Whether the line is pure ASCII: then {@link #plainArray()} holds exactly the UTF-8 of {@link #plain()}
     * (other bytes may be invalid UTF-8, which the String replaces).
     */
    public boolean ascii() {
        if (ascii == UNKNOWN) {
            ascii = isAscii(bytes, offset, length) ? ASCII : NOT_ASCII;
        }
        return ascii == ASCII;
    }

    /** The plain line's bytes start at {@link #plainOffset()} of this array. */
    public byte[] plainArray() {
        if (!control) {
            return bytes;
        }
        stripOnce();
        return scratch;
    }

    public int plainOffset() {
        return control ? 0 : offset;
    }

    public int plainLength() {
        if (!control) {
            return length;
        }
        stripOnce();
        return plainLength;
    }

    private void stripOnce() {
        if (plainLength < 0) {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            plainLength = AnsiStripper.strip(bytes, offset, length, scratch, 0);
        }
    }

    private static boolean isAscii(byte[] b, int from, int count) {
        int i = from;
        int end = from + count;
        long high = 0;
        for (; i + 8 <= end; i += 8) {
            high |= (long) LONGS.get(b, i);
        }
        for (; i < end; i++) {
            high |= b[i];
        }
        return (high & 0x8080808080808080L) == 0;
    }
}
