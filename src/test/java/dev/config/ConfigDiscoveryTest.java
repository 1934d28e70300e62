package dev.config;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigDiscoveryTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Path file(String path) throws IOException {
        Path p = fs.getPath(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "");
    }

    @Test
    void findsTheFileInTheStartDirectory() throws IOException {
        Path toml = file("/work/shop/dev.toml");
        assertEquals(Optional.of(toml), ConfigDiscovery.find(fs.getPath("/work/shop")));
    }

    @Test
    void walksUpToTheNearestOne() throws IOException {
        file("/work/dev.toml");
        Path nearest = file("/work/shop/dev.toml");
        Path deep = Files.createDirectories(fs.getPath("/work/shop/web/src/components"));
        assertEquals(Optional.of(nearest), ConfigDiscovery.find(deep));
    }

    @Test
    void reachesTheRoot() throws IOException {
        Path top = file("/dev.toml");
        assertEquals(Optional.of(top), ConfigDiscovery.find(Files.createDirectories(fs.getPath("/a/b/c"))));
    }

    @Test
    void nothingFound() throws IOException {
        assertEquals(Optional.empty(), ConfigDiscovery.find(Files.createDirectories(fs.getPath("/a/b"))));
    }

    @Test
    void aDirectoryNamedDevTomlIsNotAConfig() throws IOException {
        Path real = file("/a/dev.toml");
        Path inner = Files.createDirectories(fs.getPath("/a/b/dev.toml"));
        assertEquals(Optional.of(real), ConfigDiscovery.find(inner.getParent()));
    }

    @Test
    void relativeStartIsTakenFromTheWorkingDirectory() throws IOException {
        Path toml = file("/work/dev.toml");
        Files.createDirectories(fs.getPath("/work/x"));
        // jimfs' working directory is /work by default
        assertEquals(Optional.of(toml), ConfigDiscovery.find(fs.getPath("x/..")));
    }
}
