package dev.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a service's log lives: {@code DIR/NAME.log} is the file being written, and
 * {@code NAME.log.1}, {@code NAME.log.2}, … are older rotated ones (higher is older).
 */
public final class LogFiles {
    private static final String SUFFIX = ".log";

    private final Path logsDir;
    private final String service;

    public LogFiles(Path logsDir, String service) {
        if (service.isEmpty() || service.contains("/") || service.contains("\\") || service.startsWith(".")) {
            throw new IllegalArgumentException("not a usable service name for a log file: '" + service + "'");
        }
        this.logsDir = logsDir;
        this.service = service;
    }

    public String service() {
        return service;
    }

    /** {@code DIR/NAME.log}, whether or not it exists. */
    public Path current() {
        return logsDir.resolve(service + SUFFIX);
    }

    /** {@code DIR/NAME.log.INDEX}, whether or not it exists. */
    public Path rotated(int index) {
        return rotated(current(), index);
    }

    static Path rotated(Path current, int index) {
        return current.resolveSibling(current.getFileName() + "." + index);
    }

    /** The rotated files that exist, newest ({@code .1}) first, then nothing else. */
    public List<Path> rotatedNewestFirst() {
        Map<Integer, Path> byIndex = new TreeMap<>();
        String prefix = service + SUFFIX + ".";
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(logsDir, prefix + "*")) {
            for (Path p : dir) {
                String index = p.getFileName().toString().substring(prefix.length());
                if (!index.isEmpty() && index.length() < 10 && index.chars().allMatch(Character::isDigit)) {
                    byIndex.put(Integer.parseInt(index), p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logsDir + ": " + e.getMessage(), e);
        }
        return List.copyOf(byIndex.values());
    }

    /** Every existing file of this service, newest first: current, .1, .2, … */
    public List<Path> newestFirst() {
        List<Path> files = new ArrayList<>();
        if (Files.exists(current())) {
            files.add(current());
        }
        files.addAll(rotatedNewestFirst());
        return files;
    }

    /** Every existing file of this service in the order its lines were written: …, .2, .1, current. */
    public List<Path> oldestFirst() {
        List<Path> files = new ArrayList<>(newestFirst());
        Collections.reverse(files);
        return files;
    }

    /** Services that have a current or rotated log file in {@code logsDir}, sorted by name. */
    public static List<String> services(Path logsDir) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(logsDir)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                int at = name.lastIndexOf(SUFFIX);
                boolean rotatedOrCurrent = at > 0 && (at + SUFFIX.length() == name.length()
                        || name.substring(at + SUFFIX.length()).matches("\\.\\d+"));
                if (rotatedOrCurrent && !name.startsWith(".")) {
                    names.add(name.substring(0, at));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logsDir + ": " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }
}
