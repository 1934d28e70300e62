package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AnsiStripperTest {
    private static final String ESC = "\u001b";

    @Test
    void removesCsiColoursAndStyles() {
        assertEquals("error: boom", AnsiStripper.strip(ESC + "[1;31merror:" + ESC + "[0m boom"));
        assertEquals("256 and rgb", AnsiStripper.strip(ESC + "[38;5;208m256" + ESC + "[m and " + ESC + "[38;2;1;2;3mrgb"));
    }

    @Test
    void removesCursorMovementAndErase() {
        assertEquals("progress 42%", AnsiStripper.strip(ESC + "[2K" + ESC + "[1Aprogress" + ESC + "[10;20H 42%"
                + ESC + "[?25l" + ESC + "[?25h"));
    }

    @Test
    void keepsOnlyTheVisibleTextOfOsc8Hyperlinks() {
        String st = ESC + "]8;;https://example.com/a?b=c" + ESC + "\\docs" + ESC + "]8;;" + ESC + "\\ here";
        assertEquals("docs here", AnsiStripper.strip(st));
        String bel = ESC + "]8;id=1;https://example.com\u0007link" + ESC + "]8;;\u0007!";
        assertEquals("link!", AnsiStripper.strip(bel));
        assertEquals("title", AnsiStripper.strip(ESC + "]0;window title ✓\u0007title"));
    }

    @Test
    void removesCharsetSelectionAndTwoByteSequences() {
        assertEquals("abc", AnsiStripper.strip(ESC + "(Ba" + ESC + ")0b" + ESC + "7" + ESC + "8" + ESC + "Mc" + ESC + "="));
    }

    @Test
    void unterminatedAndTruncatedSequencesLoseOnlyThemselves() {
        assertEquals("before", AnsiStripper.strip("before" + ESC + "]8;;http://never-terminated"));
        assertEquals("end", AnsiStripper.strip("end" + ESC));
        assertEquals("x", AnsiStripper.strip("x" + ESC + "[12;"));
        // An OSC cut short by the next sequence does not swallow it.
        assertEquals("ok", AnsiStripper.strip(ESC + "]0;title" + ESC + "[31mok"));
    }

    @Test
    void removesControlCharactersButKeepsTabsAndUnicode() {
        assertEquals("a\tb", AnsiStripper.strip("a\u0007\t\u0000b\b"));
        assertEquals("grün ✓ 😀", AnsiStripper.strip(ESC + "[32mgrün" + ESC + "[0m ✓ 😀"));
    }

    @Test
    void returnsTheSameInstanceWhenThereIsNothingToStrip() {
        String plain = "nothing to see\there ✓";
        assertSame(plain, AnsiStripper.strip(plain));
    }
}
