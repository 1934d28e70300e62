package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class CapturedOutputTest {
    /** Where the redirect points; an append-mode writer, as the probe's processes are. */
    private static Path fileOf(CapturedOutput output) {
        return output.redirect().file().toPath();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void lastVisibleLineWins() throws IOException {
        try (CapturedOutput output = CapturedOutput.create()) {
            append(fileOf(output), "one\ntwo\r\n  \n");
            assertEquals("two", output.lastLine());
        }
    }

    @Test
    void boundingTruncatesAFloodButKeepsItsTail() throws IOException {
        try (CapturedOutput output = CapturedOutput.create()) {
            Path file = fileOf(output);
            append(file, "y\n".repeat((int) CapturedOutput.MAX_FILE_BYTES) + "end of flood\n");
            output.bound();
            assertEquals(0, Files.size(file));
            assertEquals("end of flood", output.lastLine());
            append(file, "later\n");
            assertEquals("later", output.lastLine());
        }
    }

    @Test
    void smallOutputIsLeftAlone() throws IOException {
        try (CapturedOutput output = CapturedOutput.create()) {
            append(fileOf(output), "fine\n");
            output.bound();
            assertEquals(5, Files.size(fileOf(output)));
        }
    }

    @Test
    void closeDeletesTheFile() throws IOException {
        Path file;
        try (CapturedOutput output = CapturedOutput.create()) {
            file = fileOf(output);
            assertTrue(Files.exists(file));
        }
        assertFalse(Files.exists(file));
    }
}
