package dev.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a value from a Linux process's auxiliary vector ({@code /proc/PID/auxv}): pairs of native-endian words
 * {@code (type, value)}, ended by type 0. Used for {@code AT_CLKTCK}, the clock-tick rate {@code getconf CLK_TCK}
 * reports, without starting a process.
 */
final class AuxiliaryVector {
    /** {@code AT_CLKTCK} from {@code <elf.h>}: the frequency of {@code times()}, USER_HZ. */
    static final long AT_CLKTCK = 17;
    private static final long AT_NULL = 0;

    private AuxiliaryVector() {
    }

    /** {@code AT_CLKTCK} from {@code auxv}, or 0 when the file is unreadable or has no such entry. */
    static long clockTicks(Path auxv) {
        try {
            return value(Files.readAllBytes(auxv), wordSize(), AT_CLKTCK);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The value of entry {@code type} in {@code bytes} (words of {@code wordSize} bytes), or 0 when absent. */
    static long value(byte[] bytes, int wordSize, long type) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        while (buffer.remaining() >= 2 * wordSize) {
            long key = wordSize == 8 ? buffer.getLong() : Integer.toUnsignedLong(buffer.getInt());
            long value = wordSize == 8 ? buffer.getLong() : Integer.toUnsignedLong(buffer.getInt());
            if (key == AT_NULL) {
                return 0;
            }
            if (key == type) {
                return value;
            }
        }
        return 0;
    }

    private static int wordSize() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
    }
}
