package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "");
        }
    }

    @Test
    void listsFilesInWritingOrderWithNumericRotationIndices() throws IOException {
        touch("api.log", "api.log.1", "api.log.2", "api.log.10", "api.log.bak", "api2.log.1", "api.logx");
        LogFiles files = new LogFiles(dir, "api");
        assertEquals(List.of(dir.resolve("api.log.1"), dir.resolve("api.log.2"), dir.resolve("api.log.10")),
                files.rotatedNewestFirst());
        assertEquals(List.of(dir.resolve("api.log.10"), dir.resolve("api.log.2"), dir.resolve("api.log.1"),
                dir.resolve("api.log")), files.oldestFirst());
    }

    @Test
    void rotatedFilesCountEvenWithoutACurrentOne() throws IOException {
        touch("web.log.1");
        assertEquals(List.of(dir.resolve("web.log.1")), new LogFiles(dir, "web").newestFirst());
        assertEquals(List.of(), new LogFiles(dir.resolve("missing"), "web").newestFirst());
    }

    @Test
    void servicesAreFoundFromTheirFiles() throws IOException {
        touch("web.log", "api.log.1", "db.log", "db.log.2", "notes.txt", ".hidden.log", "x.log.old");
        assertEquals(List.of("api", "db", "web"), LogFiles.services(dir));
        assertEquals(List.of(), LogFiles.services(dir.resolve("missing")));
    }

    @Test
    void rejectsNamesThatWouldEscapeTheDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new LogFiles(dir, "../etc"));
        assertThrows(IllegalArgumentException.class, () -> new LogFiles(dir, ""));
    }
}
