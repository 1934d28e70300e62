package dev.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes the starter config without ever replacing an existing dev.toml. */
public final class StarterFile {
    /** Where {@code --force} writes when the config exists: beside it, for the user to compare and merge. */
    public static final String NEW_SUFFIX = ".new";

    private StarterFile() {
    }

    /**
     * Writes {@code content} to {@code config}, or with {@code force} to {@code config.new} when the
     * config exists (replacing an older {@code .new}, which is dev init's own output).
     *
     * @return the file written
     * @throws FileAlreadyExistsException when the config exists and force is false, or when it
     *                                    appears while being written (another dev init)
     */
    public static Path write(Path config, String content, boolean force) throws IOException {
        if (Files.exists(config)) {
            if (!force) {
                throw new FileAlreadyExistsException(config.toString());
            }
            Path beside = config.resolveSibling(config.getFileName() + NEW_SUFFIX);
            Path tmp = Files.createTempFile(config.toAbsolutePath().getParent(), ".dev-init", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, beside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return beside;
        }
        // CREATE_NEW: a dev.toml created between the check and now is still never overwritten.
        Files.writeString(config, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        return config;
    }
}
