package dev.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class AuxiliaryVectorTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void clockTicksFromThisProcessAgreeWithGetconf() throws Exception {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectInput(new File("/dev/null")).start();
        String expected = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        getconf.waitFor(10, TimeUnit.SECONDS);
        assertEquals(Long.parseLong(expected), AuxiliaryVector.clockTicks(Path.of("/proc/self/auxv")));
    }

    @Test
    void findsAnEntryInEitherWordSizeAndStopsAtTheEnd() {
        assertEquals(250, AuxiliaryVector.value(words(8, 6, 4096, 17, 250, 0, 0), 8, AuxiliaryVector.AT_CLKTCK));
        assertEquals(100, AuxiliaryVector.value(words(4, 6, 4096, 17, 100, 0, 0), 4, AuxiliaryVector.AT_CLKTCK));
        assertEquals(0, AuxiliaryVector.value(words(8, 6, 4096, 0, 0, 17, 100), 8, AuxiliaryVector.AT_CLKTCK),
                "nothing after AT_NULL");
        assertEquals(0, AuxiliaryVector.value(new byte[12], 8, AuxiliaryVector.AT_CLKTCK), "a truncated vector");
        assertEquals(0, AuxiliaryVector.clockTicks(Path.of("/nonexistent/auxv")));
    }

    private static byte[] words(int size, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(ByteOrder.nativeOrder());
        for (long v : values) {
            if (size == 8) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return b.array();
    }
}
