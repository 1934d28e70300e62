package dev.ui;

import java.util.List;

/**
 * The foreground view's keys, as a state machine fed one character at a time (pure: no
 * terminal, so every sequence is unit-tested).
 * <pre>
 *   q, Ctrl-C      quit (stop the stack, or stop watching)
 *   l              show the output of one service, the next, …, then all again
 *   r NAME Enter   restart a service: its name, a unique prefix of it, or its number
 *                  (Esc or Ctrl-C cancels, Backspace and Ctrl-U edit)
 * </pre>
 * Not thread-safe: one thread reads keys.
 */
public final class KeyCommands {
    /** What a key asks for. */
    public sealed interface Action permits Action.Quit, Action.Restart, Action.Changed, Action.Problem {
        /** Stop the stack, or stop watching. */
        record Quit() implements Action {
        }

        record Restart(String service) implements Action {
        }

        /** The prompt or the log filter changed: redraw the hint. */
        record Changed() implements Action {
        }

        /** Something the user should read, e.g. an unknown service name. */
        record Problem(String message) implements Action {
        }
    }

    private static final int CTRL_C = 3;
    private static final int BACKSPACE = 8;
    private static final int ESC = 27;
    private static final int CTRL_U = 21;
    private static final int DEL = 127;

    private final List<String> services;
    private final boolean logsKey;
    private StringBuilder prompt;
    private int filter = -1;

    public KeyCommands(List<String> services, boolean logsKey) {
        this.services = List.copyOf(services);
        this.logsKey = logsKey;
    }

    /** The action for one key, or null when it does nothing. */
    public Action feed(int ch) {
        if (prompt != null) {
            return promptKey(ch);
        }
        return switch (ch) {
            case 'q', 'Q', CTRL_C -> new Action.Quit();
            case 'r', 'R' -> {
                prompt = new StringBuilder();
                yield new Action.Changed();
            }
            case 'l', 'L' -> {
                if (!logsKey || services.isEmpty()) {
                    yield null;
                }
                filter = filter + 1 >= services.size() ? -1 : filter + 1;
                yield new Action.Changed();
            }
            default -> null;
        };
    }

    /** The open restart prompt's text, or null. */
    public String prompt() {
        return prompt == null ? null : prompt.toString();
    }

    /** The service whose output alone is shown, or null for all. */
    public String logFilter() {
        return filter < 0 ? null : services.get(filter);
    }

    public KeyHint hint(String quitLabel) {
        return new KeyHint(logsKey, quitLabel, logFilter(), prompt(), services);
    }

    private Action promptKey(int ch) {
        switch (ch) {
            case '\r', '\n' -> {
                String typed = prompt.toString().trim();
                prompt = null;
                if (typed.isEmpty()) {
                    return new Action.Changed();
                }
                String service = resolve(typed);
                return service != null ? new Action.Restart(service)
                        : new Action.Problem("no service '" + typed + "' (services: " + String.join(", ", services) + ")");
            }
            case ESC, CTRL_C -> {
                prompt = null;
                return new Action.Changed();
            }
            case BACKSPACE, DEL -> {
                if (prompt.length() > 0) {
                    prompt.setLength(prompt.length() - 1);
                }
                return new Action.Changed();
            }
            case CTRL_U -> {
                prompt.setLength(0);
                return new Action.Changed();
            }
            default -> {
                if (ch >= 0x20 && ch != DEL && prompt.length() < 64) {
                    prompt.appendCodePoint(ch);
                    return new Action.Changed();
                }
                return null;
            }
        }
    }

    /** An exact name, a number from 1, or a prefix that only one service has; else null. */
    String resolve(String typed) {
        if (services.contains(typed)) {
            return typed;
        }
        if (typed.chars().allMatch(Character::isDigit) && typed.length() < 6) {
            int n = Integer.parseInt(typed);
            return n >= 1 && n <= services.size() ? services.get(n - 1) : null;
        }
        List<String> matches = services.stream().filter(s -> s.startsWith(typed)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
