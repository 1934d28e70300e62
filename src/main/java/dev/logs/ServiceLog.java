package dev.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one service's output goes: the plain line to its log file and its in-memory tail, the
 * raw coloured line to the console queue (when there is a live console). A service's stdout and
 * stderr pumps share one instance.
 */
public final class ServiceLog implements LineSink, Closeable {
    private final String service;
    private final LogWriter writer;
    private final TailBuffer tail;
    private final ConsoleQueue console;

    /** @param console null when nothing shows output live (a detached run) */
    public ServiceLog(String service, LogWriter writer, TailBuffer tail, ConsoleQueue console) {
        this.service = Objects.requireNonNull(service, "service");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.tail = Objects.requireNonNull(tail, "tail");
        this.console = console;
    }

    /** Opens (appending) {@code logsDir/SERVICE.log} with the project's rotation settings. */
    public static ServiceLog open(Path logsDir, String service, long maxSize, int maxFiles, ConsoleQueue console)
            throws IOException {
        LogWriter writer = new LogWriter(new LogFiles(logsDir, service).current(), maxSize, maxFiles);
        return new ServiceLog(service, writer, new TailBuffer(), console);
    }

    public String service() {
        return service;
    }

    public TailBuffer tail() {
        return tail;
    }

    public LogWriter writer() {
        return writer;
    }

    @Override
    public void line(LogRecord.Stream stream, Instant time, String raw, String plain) {
        tail.add(plain);
        if (console != null) {
            console.offer(new ConsoleLine(service, stream, time, raw));
        }
        // Last, so that a failing disk still leaves the tail and the console complete.
        writer.write(time, stream, plain);
    }

    /** As above; an ASCII line's plain bytes go to the file as they are, never encoded again. */
    @Override
    public void line(LogRecord.Stream stream, Instant time, SplitLine line) {
        tail.add(line.plain());
        if (console != null) {
            console.offer(new ConsoleLine(service, stream, time, line.raw()));
        }
        write(writer, stream, time, line);
    }

    /** The plain line to {@code writer}: its bytes when they are ASCII, else the decoded text. */
    public static void write(LogWriter writer, LogRecord.Stream stream, Instant time, SplitLine line) {
        if (line.ascii()) {
            writer.writeAscii(time, stream, line.plainArray(), line.plainOffset(), line.plainLength());
        } else {
            writer.write(time, stream, line.plain());
        }
    }

    /** Records a (re)start in the file and the tail: {@code --- started (pid 42) ---}. */
    public void started(long pid) {
        LogRecord marker = LogRecord.startMarker(Instant.now(), pid);
        tail.add(marker.text());
        writer.write(marker);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
