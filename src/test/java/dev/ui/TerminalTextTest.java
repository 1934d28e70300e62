package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    private static final String ESC = "\u001b";

    @Test
    void keepsColourAndAddsAReset() {
        assertEquals(ESC + "[32mgreen" + ESC + "[0m done" + ESC + "[0m",
                TerminalText.forLiveView(ESC + "[32mgreen" + ESC + "[0m done", true));
        assertEquals(ESC + "[38;5;196mred" + ESC + "[0m", TerminalText.forLiveView(ESC + "[38;5;196mred", true));
        assertEquals("plain", TerminalText.forLiveView("plain", true), "nothing added to a line without colour");
    }

    @Test
    void dropsEverythingThatMovesTheCursorOrTheScreen() {
        String nasty = ESC + "[2J" + ESC + "[H" + ESC + "[1;5r" + ESC + "7" + "text" + ESC + "8" + "\r" + ESC + "[10A"
                + ESC + "]0;title\u0007" + ESC + "]8;;http://x" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\" + "\u0008!";
        assertEquals("textlink!", TerminalText.forLiveView(nasty, true));
        assertEquals("textlink!", TerminalText.forLiveView(nasty, false));
    }

    @Test
    void withoutColourEveryEscapeGoes() {
        assertEquals("green done", TerminalText.forLiveView(ESC + "[32mgreen" + ESC + "[0m done", false));
        assertEquals("a\tb", TerminalText.forLiveView("a\tb", false), "tabs stay");
    }

    @Test
    void unterminatedSequencesDoNotLeakEscapes() {
        assertEquals("x", TerminalText.forLiveView("x" + ESC + "[", true));
        assertEquals("x", TerminalText.forLiveView("x" + ESC, true));
        assertEquals("x", TerminalText.forLiveView("x" + ESC + "]8;;never ended", true));
    }

    @Test
    void widthCountsColumns() {
        assertEquals(5, TerminalText.width("hello"));
        assertEquals(4, TerminalText.width("日本"), "wide characters take two columns");
        assertEquals(3, TerminalText.width("●✖…"));
        assertEquals(1, TerminalText.width("e\u0301"), "a combining accent takes none");
    }

    @Test
    void fitCutsOnColumnsNeverInsideACharacter() {
        assertEquals("hel", TerminalText.fit("hello", 3));
        assertEquals("日", TerminalText.fit("日本", 3));
        assertEquals("", TerminalText.fit("日本", 1));
        assertEquals("hello", TerminalText.fit("hello", 10));
    }
}
