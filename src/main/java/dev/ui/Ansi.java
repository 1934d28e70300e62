package dev.ui;

/** The handful of SGR sequences dev uses; every method returns plain text when colour is off. */
public final class Ansi {
    public static final String RESET = "\u001b[0m";

    private final boolean enabled;

    public Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String grey(String s) {
        return wrap("90", s);
    }

    /** A colour from a fixed palette, so each service keeps one colour across commands. */
    public String service(int index, String s) {
        String[] palette = {"36", "35", "34", "33", "32", "96", "95", "94", "93", "92"};
        return wrap(palette[Math.floorMod(index, palette.length)], s);
    }

    public String wrap(String sgr, String s) {
        return enabled ? "\u001b[" + sgr + "m" + s + RESET : s;
    }
}
