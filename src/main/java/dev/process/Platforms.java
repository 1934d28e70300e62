package dev.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the {@link ProcessPlatform} once per JVM. */
final class Platforms {
    static final ProcessPlatform CURRENT = detect(System.getProperty("os.name", ""));

    private Platforms() {
    }

    static ProcessPlatform detect(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            throw new UnsupportedOperationException("dev runs on Linux and macOS, not " + osName);
        }
        if (os.contains("linux") && Files.isReadable(Path.of("/proc/self/stat"))) {
            return new LinuxProcessPlatform();
        }
        // macOS, and other Unix systems without a Linux /proc: ps, lsof and perl are what they share.
        return new MacProcessPlatform();
    }
}
