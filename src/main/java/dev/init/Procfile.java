package dev.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Procfile (foreman, overmind, Heroku): every {@code name: command} line becomes a service.
 * {@code Procfile.dev} wins over {@code Procfile} because it is the one meant for development.
 */
final class Procfile {
    private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+)\\s*:\\s*(.+)$");

    record Entry(String name, String command) {
    }

    private Procfile() {
    }

    /** The file name and its entries, when the root has a Procfile with at least one. */
    static Optional<ProcfileFindings> detect(Path root) {
        for (String file : List.of("Procfile.dev", "Procfile")) {
            Optional<String> text = ProjectFiles.read(root.resolve(file));
            if (text.isPresent()) {
                List<Entry> entries = parse(text.get());
                if (!entries.isEmpty()) {
                    return Optional.of(new ProcfileFindings(file, findings(file, entries)));
                }
            }
        }
        return Optional.empty();
    }

    record ProcfileFindings(String file, List<Finding> findings) {
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(s);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), m.group(2).strip()));
            }
        }
        return entries;
    }

    private static List<Finding> findings(String file, List<Entry> entries) {
        List<Finding> out = new ArrayList<>();
        for (Entry e : entries) {
            String command = escapeForDev(e.command());
            ServiceDraft d;
            if (e.name().equals("web")) {
                d = ServiceDraft.of("web", Role.BACKEND, command, "", Port.AUTO, Health.NONE,
                        List.of("The web process of " + file + ": dev picks a free port and exports it as $PORT."));
            } else if (e.name().equals("release")) {
                d = ServiceDraft.of("release", Role.SETUP, command, "", Port.NONE, Health.NONE,
                        List.of("The release phase of " + file + ", run once before the other processes."));
            } else {
                d = ServiceDraft.of(e.name(), Role.PROCESS, command, "", Port.NONE, Health.NONE,
                        List.of("From " + file + "."));
            }
            out.add(new Finding(d, "process '" + e.name() + "' (" + file + ")"));
        }
        return out;
    }

    /**
     * Keeps a shell command meaning the same in dev.toml, where {@code ${…}} is dev's interpolation
     * and {@code $$} a literal {@code $}: a run of several {@code $} (the shell's {@code $$}) or one
     * before {@code {} is doubled; a lone {@code $} before anything else (such as {@code $PORT})
     * already reaches the shell unchanged.
     */
    static String escapeForDev(String command) {
        StringBuilder out = new StringBuilder(command.length());
        int i = 0;
        while (i < command.length()) {
            if (command.charAt(i) != '$') {
                out.append(command.charAt(i++));
                continue;
            }
            int end = i;
            while (end < command.length() && command.charAt(end) == '$') {
                end++;
            }
            int run = end - i;
            boolean interpolated = run > 1 || end < command.length() && command.charAt(end) == '{';
            out.append("$".repeat(interpolated ? 2 * run : run));
            i = end;
        }
        return out.toString();
    }
}
