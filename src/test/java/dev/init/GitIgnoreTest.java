package dev.init;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GitIgnoreTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path dir = fs.getPath("/p");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private String gitignore() throws IOException {
        return Files.readString(dir.resolve(".gitignore"));
    }

    @Test
    void createsTheFileWhenMissing() throws IOException {
        Files.createDirectories(dir);
        assertEquals(GitIgnore.Outcome.CREATED, GitIgnore.ensureRunDirectoryIgnored(dir));
        assertEquals(".dev/\n", gitignore());
    }

    @Test
    void appendsOnANewLineOnceAndOnlyOnce() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".gitignore"), "node_modules/\n*.log");
        assertEquals(GitIgnore.Outcome.ADDED, GitIgnore.ensureRunDirectoryIgnored(dir));
        assertEquals(GitIgnore.Outcome.ALREADY_IGNORED, GitIgnore.ensureRunDirectoryIgnored(dir));
        assertEquals("node_modules/\n*.log\n.dev/\n", gitignore());
    }

    @Test
    void recognisesOtherSpellingsOfTheSameRule() throws IOException {
        for (String rule : new String[] {".dev", "/.dev/", "  .dev/  ", "/.dev/**"}) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(".gitignore"), "target/\n" + rule + "\n");
            assertEquals(GitIgnore.Outcome.ALREADY_IGNORED, GitIgnore.ensureRunDirectoryIgnored(dir), rule);
        }
        Files.writeString(dir.resolve(".gitignore"), "# .dev/\n.devcontainer/\n");
        assertEquals(GitIgnore.Outcome.ADDED, GitIgnore.ensureRunDirectoryIgnored(dir), "a comment or a lookalike does not count");
    }
}
