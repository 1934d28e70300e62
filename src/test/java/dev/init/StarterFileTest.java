package dev.init;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StarterFileTest {
    @TempDir
    Path dir;

    @Test
    void writesANewConfig() throws IOException {
        Path config = dir.resolve("dev.toml");
        assertEquals(config, StarterFile.write(config, "a", false));
        assertEquals("a", Files.readString(config));
    }

    @Test
    void neverOverwritesAnExistingConfig() throws IOException {
        Path config = dir.resolve("dev.toml");
        Files.writeString(config, "mine");
        assertThrows(FileAlreadyExistsException.class, () -> StarterFile.write(config, "new", false));
        assertEquals("mine", Files.readString(config));
    }

    @Test
    void withForceWritesBesideItAndReplacesAnOlderDraft() throws IOException {
        Path config = dir.resolve("dev.toml");
        Files.writeString(config, "mine");
        assertEquals(dir.resolve("dev.toml.new"), StarterFile.write(config, "one", true));
        assertEquals(dir.resolve("dev.toml.new"), StarterFile.write(config, "two", true));
        assertEquals("mine", Files.readString(config));
        assertEquals("two", Files.readString(dir.resolve("dev.toml.new")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }
}
