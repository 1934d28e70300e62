package dev.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the control socket lives. Normally {@code .dev/run/control.sock}; a Unix socket path is
 * limited to ~107 bytes on Linux and 104 on macOS, so for deep project paths it moves to
 * {@code $XDG_RUNTIME_DIR/dev/<hash>/} or {@code $TMPDIR/dev-<user>/<hash>/}, keyed by a hash of the
 * project root; the lock file records which.
 */
public final class SocketPaths {
    /** The smaller of the Linux and macOS limits, minus the terminating NUL. */
    static final int MAX_PATH_BYTES = 103;
    private static final String NAME = "control.sock";

    private SocketPaths() {
    }

    public static Path choose(RunDirectory run, Map<String, String> env) {
        Path local = run.root().resolve("run").resolve(NAME).toAbsolutePath();
        if (fits(local)) {
            return local;
        }
        String hash = hash(run.projectRoot().toAbsolutePath().toString());
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty()) {
            Path p = Path.of(xdg, "dev", hash, NAME);
            if (fits(p)) {
                return p;
            }
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path tmp = Path.of(env.getOrDefault("TMPDIR", "/tmp"), "dev-" + user, hash, NAME);
        return fits(tmp) ? tmp : Path.of("/tmp", "dev-" + user, hash, NAME);
    }

    static boolean fits(Path p) {
        return p.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the socket's directory (and a per-user parent under /tmp) readable by the owner only. */
    static void prepareDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        Files.setPosixFilePermissions(dir, ownerOnly);
        Path parent = dir.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().startsWith("dev-")) {
            Files.setPosixFilePermissions(parent, ownerOnly);
        }
    }
}
