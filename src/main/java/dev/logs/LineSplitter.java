package dev.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Turns a byte stream into lines for one {@link OutputPump}; not thread-safe (the pump
 * serialises its reader thread and its partial-line timer).
 *
 * <p>Terminators are LF, CRLF and a lone CR (a progress bar redrawing itself becomes one line
 * per redraw rather than one endless line). A line longer than {@link #MAX_LINE_BYTES} is cut
 * into pieces of at most that size, never inside a UTF-8 character, so memory stays bounded
 * whatever a service prints. Lines wholly inside the fed chunk are decoded straight from it;
 * only the unfinished tail of a chunk is copied, into {@code carry}.
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final LogRecord.Stream stream;
    private final LineSink sink;
    /** The carry starts small (a service's partial lines are short) and grows on demand. */
    private static final int INITIAL_BUFFER = 1024;

    private byte[] carry = new byte[INITIAL_BUFFER];
    private int carryLength;
    private boolean carryHasControl;
    /** The previous chunk ended in CR: an LF at the start of the next one belongs to it. */
    private boolean afterCr;
    private final SplitLine line = new SplitLine();
    private long lines;
    private RuntimeException sinkFailure;

    LineSplitter(LogRecord.Stream stream, LineSink sink) {
        this.stream = stream;
        this.sink = sink;
    }

    long lines() {
        return lines;
    }

    /** The first exception the sink threw; later lines were still offered to it. */
    RuntimeException sinkFailure() {
        return sinkFailure;
    }

    boolean hasPartial() {
        return carryLength > 0;
    }

    void feed(byte[] bytes, int offset, int length, Instant time) {
        int end = offset + length;
        int i = offset;
        if (afterCr && i < end) {
            afterCr = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        int lineStart = i;
        boolean control = false;
        // The OR of the line's bytes so far: its high bits say whether the line is pure ASCII, which
        // lets a sink copy it to the log file without decoding (SplitLine#ascii). Exact, because a
        // skipped word never holds a line break.
        long high = 0;
        while (i < end) {
            // Skip 8 bytes at a time while none of them is a C0 control: on ordinary text the
            // scan costs a fraction of a per-byte loop. Only a word holding a control byte (or a
            // false alarm right after one) is walked byte by byte below.
            while (i + 8 <= end) {
                long word = (long) LONGS.get(bytes, i);
                if (hasControlByte(word)) {
                    break;
                }
                high |= word;
                i += 8;
            }
            if (i >= end) {
                break;
            }
            byte b = bytes[i];
            high |= b; // a byte >= 0x80 is negative: its sign extension sets every high bit
            // One test per byte on the common path: only C0 controls need a closer look.
            if ((b & 0xE0) == 0) {
                if (b == '\n' || b == '\r') {
                    completeLine(bytes, lineStart, i, control, (high & 0x8080808080808080L) == 0, time);
                    high = 0;
                    if (b == '\r') {
                        if (i + 1 == end) {
                            afterCr = true;
                        } else if (bytes[i + 1] == '\n') {
                            i++;
                        }
                    }
                    lineStart = i + 1;
                    control = false;
                } else if (b != '\t') {
                    control = true;
                }
            }
            i++;
        }
        if (lineStart < end) {
            appendCarry(bytes, lineStart, end, control, time);
        }
    }

    /**
     * True when some byte of the word is below 0x20 (never misses one; may flag the byte after a
     * real one because of the borrow, and bytes of multi-byte characters, all >= 0x80, are never
     * flagged).
     */
    private static boolean hasControlByte(long word) {
        return ((word - 0x2020202020202020L) & ~word & 0x8080808080808080L) != 0;
    }

    /** Emits the unfinished line, holding back only a UTF-8 character cut in half. */
    void flushPartial(Instant time) {
        int cut = utf8Boundary(carry, carryLength);
        if (cut > 0) {
            emitCarryPrefix(cut, time);
        }
    }

    /** End of stream: emits whatever is left, an incomplete character included (as U+FFFD). */
    void finish(Instant time) {
        if (carryLength > 0) {
            emitCarryPrefix(carryLength, time);
        }
    }

    private void completeLine(byte[] bytes, int from, int to, boolean control, boolean ascii, Instant time) {
        if (carryLength == 0 && to - from <= MAX_LINE_BYTES) {
            emit(bytes, from, to - from, control, ascii ? SplitLine.ASCII : SplitLine.NOT_ASCII, time);
            return;
        }
        appendCarry(bytes, from, to, control, time);
        emitCarryPrefix(carryLength, time);
    }

    private void appendCarry(byte[] bytes, int from, int to, boolean control, Instant time) {
        carryHasControl |= control;
        while (carryLength + (to - from) > MAX_LINE_BYTES) {
            int room = MAX_LINE_BYTES - carryLength;
            ensureCarryCapacity(MAX_LINE_BYTES);
            System.arraycopy(bytes, from, carry, carryLength, room);
            carryLength = MAX_LINE_BYTES;
            from += room;
            int cut = utf8Boundary(carry, carryLength);
            emitCarryPrefix(cut == 0 ? carryLength : cut, time);
        }
        ensureCarryCapacity(carryLength + (to - from));
        System.arraycopy(bytes, from, carry, carryLength, to - from);
        carryLength += to - from;
    }

    private void emitCarryPrefix(int length, Instant time) {
        emit(carry, 0, length, carryHasControl, SplitLine.UNKNOWN, time);
        System.arraycopy(carry, length, carry, 0, carryLength - length);
        carryLength -= length;
        if (carryLength == 0) {
            carryHasControl = false;
            if (carry.length > 64 * 1024) {
                carry = new byte[INITIAL_BUFFER]; // give back the memory of a one-off huge line
            }
        }
    }

    private void emit(byte[] bytes, int offset, int length, boolean control, int ascii, Instant time) {
        line.reset(bytes, offset, length, control, ascii);
        lines++;
        try {
            sink.line(stream, time, line);
        } catch (RuntimeException e) {
            // Keep draining: a child whose pipe is not read blocks, so a broken sink must cost
            // lines, never the service.
            if (sinkFailure == null) {
                sinkFailure = e;
            }
        }
    }

    private void ensureCarryCapacity(int needed) {
        if (carry.length < needed) {
            byte[] bigger = new byte[Math.min(Math.max(needed, carry.length * 2), MAX_LINE_BYTES)];
            System.arraycopy(carry, 0, bigger, 0, carryLength);
            carry = bigger;
        }
    }

    /**
     * The largest cut point {@code <= length} that does not split a UTF-8 character: it backs up
     * over the trailing bytes of a multi-byte sequence only when that sequence is incomplete.
     * Bytes that are not valid UTF-8 anyway are cut anywhere.
     */
    static int utf8Boundary(byte[] bytes, int length) {
        int lead = length - 1;
        while (lead >= 0 && length - lead <= 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0 || length - lead > 4) {
            return length;
        }
        int b = bytes[lead] & 0xFF;
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return length - lead < needed ? lead : length;
    }
}
