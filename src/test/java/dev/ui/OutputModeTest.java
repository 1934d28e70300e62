package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which output a run gets: colour or not, the live view or plain lines, links or not. */
class OutputModeTest {
    private static final String UNSET = "-";

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!UNSET.equals(keyValues[i + 1])) {
                env.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return env;
    }

    /** Every flag × NO_COLOR × CLICOLOR_FORCE × TERM × tty, against the rules written out once more. */
    @Test
    void colourForEveryCombination() {
        String[] noColor = {UNSET, "", "1"};
        String[] force = {UNSET, "", "0", "1"};
        String[] term = {UNSET, "dumb", "xterm-256color"};
        int checked = 0;
        for (ColorMode mode : ColorMode.values()) {
            for (String nc : noColor) {
                for (String cf : force) {
                    for (String t : term) {
                        for (boolean tty : new boolean[] {true, false}) {
                            boolean expected;
                            if (mode != ColorMode.AUTO) {
                                expected = mode == ColorMode.ALWAYS;
                            } else if (nc.equals("1")) {
                                expected = false;
                            } else if (cf.equals("1")) {
                                expected = true;
                            } else {
                                expected = tty && !t.equals("dumb");
                            }
                            Map<String, String> e = env("NO_COLOR", nc, "CLICOLOR_FORCE", cf, "TERM", t);
                            assertEquals(expected, mode.enabled(e, tty), mode + " " + e + " tty=" + tty);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(3 * 3 * 4 * 3 * 2, checked);
    }

    @ParameterizedTest(name = "tty={0} TERM={1} CI={2} → live={3}")
    @CsvSource({
        "true,  xterm-256color, -,     true",
        "true,  tmux-256color,  -,     true",
        "true,  linux,          -,     true",
        "false, xterm-256color, -,     false",
        "true,  dumb,           -,     false",
        "true,  -,              -,     false",
        "true,  '',             -,     false",
        "true,  xterm,          true,  false",
        "true,  xterm,          1,     false",
        "true,  xterm,          yes,   false",
        "true,  xterm,          false, true",
        "true,  xterm,          0,     true",
        "true,  xterm,          '',    true",
    })
    void liveViewOnlyOnARealTerminalOutsideCi(boolean tty, String term, String ci, boolean live) {
        assertEquals(live, LiveView.wanted(env("TERM", term, "CI", ci), tty));
    }

    @ParameterizedTest(name = "TERM={0} DEV_HYPERLINKS={1} → {2}")
    @CsvSource({
        "xterm-256color, -, true",
        "tmux-256color,  -, true",
        "linux,          -, false",
        "linux-16color,  -, false",
        "dumb,           -, false",
        "-,              -, false",
        "xterm-256color, 0, false",
        "linux,          1, true",
    })
    void hyperlinksWhereTheTerminalTakesThem(String term, String override, boolean links) {
        assertEquals(links, Hyperlinks.supported(env("TERM", term, "DEV_HYPERLINKS", override)));
    }

    @Test
    void aHyperlinkIsOsc8AroundTheText() {
        assertEquals("\u001b]8;;http://127.0.0.1:8080/\u001b\\api\u001b]8;;\u001b\\",
                Hyperlinks.link("http://127.0.0.1:8080/", "api"));
        assertEquals("api", Hyperlinks.link(null, "api"));
        assertEquals("api", Hyperlinks.link("http://x/\u001b]evil", "api"), "a URL with a control character is not linked");
    }

    @Test
    void asciiGlyphsOnTheLinuxConsole() {
        assertEquals(Glyphs.ASCII, Glyphs.forTerminal(env("TERM", "linux")));
        assertEquals(Glyphs.UNICODE, Glyphs.forTerminal(env("TERM", "xterm-256color")));
        assertEquals(Glyphs.UNICODE, Glyphs.forTerminal(env()));
        assertTrue(Glyphs.ASCII.spinner().stream().allMatch(s -> s.chars().allMatch(c -> c < 128)));
        assertFalse(Glyphs.UNICODE.spinner().isEmpty());
    }
}
