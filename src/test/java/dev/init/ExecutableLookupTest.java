package dev.init;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutableLookupTest {
    @Test
    void findsExecutableFilesInPathDirectoriesOnly(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.createFile(bin.resolve("redis-server"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(bin.resolve("notes"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.createDirectories(bin.resolve("postgres"));
        Files.createFile(other.resolve("mysqld"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ExecutableLookup lookup = ExecutableLookup.fromEnvironment(
                Map.of("PATH", "" + File.pathSeparator + bin + File.pathSeparator + "/nonexistent\0bad"));
        assertTrue(lookup.onPath("redis-server"));
        assertFalse(lookup.onPath("notes"), "not executable");
        assertFalse(lookup.onPath("postgres"), "a directory");
        assertFalse(lookup.onPath("mysqld"), "not in a PATH directory");
        assertFalse(ExecutableLookup.fromEnvironment(Map.of()).onPath("redis-server"), "no PATH at all");
    }
}
