package dev.init;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link Detection} as a commented dev.toml that {@code dev check} accepts as it is. */
public final class StarterToml {
    private StarterToml() {
    }

    public static String render(Detection detection) {
        StringBuilder out = new StringBuilder();
        out.append("# dev.toml: this project's local development stack. `dev start` runs it, `dev stop` ends it.\n");
        List<String> found = detection.services().stream().map(Finding::summary).filter(s -> !s.isEmpty()).toList();
        if (found.isEmpty()) {
            out.append("# Written by `dev init`, which recognised nothing here: describe your services below.\n");
        } else {
            out.append("# Written by `dev init`, which found:\n");
            found.forEach(s -> out.append("#   - ").append(s).append('\n'));
        }
        out.append("# Check it with `dev check` (it prints the start plan); every key is described in\n");
        out.append("# `man dev` and README.md.\n\n");
        out.append("[project]\n");
        out.append("# name = \"shop\"                 # default: the directory name\n");
        out.append("# env_file = \".env\"             # default: .env when present; or a list of files\n");
        out.append("# env = { NODE_ENV = \"development\" }\n");
        out.append("# stop_timeout = \"10s\"          # grace before SIGKILL, per service\n");
        for (Finding f : detection.services()) {
            out.append('\n');
            service(f.draft()).forEach(line -> out.append(line).append('\n'));
        }
        if (!detection.unavailable().isEmpty()) {
            out.append("\n# Needed by this project but not installed here; install it, then uncomment these\n");
            out.append("# and add them to the depends_on of the services that use them.\n");
            for (Finding f : detection.unavailable()) {
                out.append("#\n");
                service(f.draft()).forEach(line -> out.append(line.startsWith("#") ? "#" : "# ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    private static List<String> service(ServiceDraft d) {
        List<String> lines = new ArrayList<>();
        lines.add("[services." + d.name() + "]");
        d.comments().forEach(c -> lines.add("# " + c));
        lines.add("command = " + string(d.command()));
        if (!d.cwd().isEmpty()) {
            lines.add("cwd = " + string(d.cwd()));
        }
        if (d.port() instanceof Port.Fixed fixed) {
            lines.add("port = " + fixed.number());
        } else if (d.port() instanceof Port.Auto) {
            lines.add("port = \"auto\"");
        }
        if (d.task()) {
            lines.add("task = true");
        }
        if (!d.dependsOn().isEmpty()) {
            lines.add("depends_on = { " + d.dependsOn().stream()
                    .map(dep -> dep.service() + " = " + string(dep.condition()))
                    .collect(Collectors.joining(", ")) + " }");
        }
        if (d.health() instanceof Health.Http http) {
            lines.add("health = { http = " + string(http.path()) + " }");
        } else if (d.health() instanceof Health.Exec exec) {
            lines.add("health = { exec = " + string(exec.command()) + " }");
        }
        return lines;
    }

    /**
     * A TOML string: a literal ('…') one when that avoids escapes (commands quoting with "),
     * else a basic ("…") one with escapes.
     */
    static String string(String value) {
        boolean needsEscapes = value.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f);
        boolean literalPossible = value.chars().noneMatch(c -> c == '\'' || c < 0x20 && c != '\t' || c == 0x7f);
        if (needsEscapes && literalPossible) {
            return "'" + value + "'";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
