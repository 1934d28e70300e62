package dev.ui;

/** {@code --color=auto|always|never}. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /**
     * Whether to emit ANSI colour. {@code auto}: {@code NO_COLOR} (any non-empty value) turns colour
     * off, {@code CLICOLOR_FORCE} (non-empty, not "0") turns it on, else colour iff stdout is a
     * terminal and {@code TERM} is not {@code dumb}. Flags always beat the environment, as in
     * git and ripgrep.
     */
    public boolean enabled(java.util.Map<String, String> env, boolean stdoutIsTerminal) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> {
                if (nonEmpty(env.get("NO_COLOR"))) {
                    yield false;
                }
                String force = env.get("CLICOLOR_FORCE");
                if (nonEmpty(force) && !"0".equals(force)) {
                    yield true;
                }
                yield stdoutIsTerminal && !"dumb".equals(env.get("TERM"));
            }
        };
    }

    /** The word users type ({@code auto}), so help and error messages list the values as accepted. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
