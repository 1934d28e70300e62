package dev.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.PreviousBuild;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/dev in a source checkout whose sources no longer compile (a user mid-edit, or a pull that broke the
 * build): with a jar from an earlier build it runs that jar, so {@code dev stop} still reaches the running stack;
 * without one it fails with exit 2. The checkout is a copy of bin/dev with a pom.xml, a source newer than the
 * jar, and an {@code mvn} on PATH whose build fails as a compile error would.
 */
class LauncherBuildFailureTest {
    @TempDir
    Path root;
    private Path jar;

    @BeforeEach
    void checkout() throws IOException {
        Path launcher = Path.of(System.getProperty("dev.projectDir", ".")).toAbsolutePath().resolve("bin/dev");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(launcher, root.resolve("bin/dev"));
        Files.setPosixFilePermissions(root.resolve("bin/dev"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path fakeBin = Files.createDirectories(root.resolve("fake-bin"));
        Path mvn = fakeBin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho '[ERROR] COMPILATION ERROR: Main.java:[3,1] class, interface, enum, or record expected' >&2\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = root.resolve("target/dev.jar");
        Files.createDirectories(root.resolve("src/main/java"));
    }

    @Test
    void aFailedRebuildFallsBackToThePreviousJarAndSaysSo() throws Exception {
        writePreviousBuild(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Files.writeString(root.resolve("src/main/java/Main.java"), "broken {\n"); // newer than the jar

        Run run = devLauncher("stop");
        assertEquals(0, run.exit, run::toString);
        assertEquals("previous build ran with: stop\n", run.out, run::toString);
        assertTrue(run.err.contains("COMPILATION ERROR"), () -> "Maven's output is shown: " + run);
        assertTrue(run.err.contains("building target/dev.jar failed (Maven output above); running the previous build"),
                run::toString);
    }

    @Test
    void aFailedFirstBuildIsAnErrorWithExitTwo() throws Exception {
        Files.writeString(root.resolve("src/main/java/Main.java"), "broken {\n");

        Run run = devLauncher("stop");
        assertEquals(2, run.exit, run::toString);
        assertEquals("", run.out, run::toString);
        assertTrue(run.err.contains("dev: building target/dev.jar failed (Maven output above)"), run::toString);
        assertFalse(Files.exists(jar));
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run devLauncher(String... args) throws Exception {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(root.resolve("bin/dev").toString()));
        argv.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(root.resolve("out").toFile()).redirectError(root.resolve("err").toFile());
        pb.environment().put("PATH", root.resolve("fake-bin") + ":/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("DEV_NO_CDS", "1");
        pb.environment().remove("DEV_JAVA_OPTS");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/dev did not finish within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(root.resolve("out")), Files.readString(root.resolve("err")));
    }

    /** A runnable jar of {@link PreviousBuild} alone. */
    private static void writePreviousBuild(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PreviousBuild.class.getName());
        String entry = PreviousBuild.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = PreviousBuild.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
