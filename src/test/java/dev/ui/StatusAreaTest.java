package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAreaTest {
    private static final String ESC = "\u001b";

    private final StatusArea area = new StatusArea();

    private static List<String> blank(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add("");
        }
        return l;
    }

    @Test
    void onAFreshScreenTheLinesAboveStayWhereTheyAre() {
        VtScreen screen = new VtScreen(10, 40);
        screen.write("one\ntwo\nthree\n");
        screen.write(area.update(List.of("STATUS A", "STATUS B"), 10, 40));
        List<String> expected = new ArrayList<>(List.of("one", "two", "three"));
        expected.addAll(blank(5));
        expected.addAll(List.of("STATUS A", "STATUS B"));
        assertEquals(expected, screen.lines());
        assertEquals(3, screen.cursorRow(), "the cursor stays under the output");
        assertEquals(0, screen.cursorColumn());
        assertEquals(7, screen.scrollBottom(), "output scrolls above the two status rows");
        assertFalse(screen.cursorVisible());
    }

    @Test
    void outputScrollsAboveTheStatusWithoutTouchingIt() {
        VtScreen screen = new VtScreen(8, 30);
        screen.write(area.update(List.of("ok 2/2 │ ● db  ● api"), 8, 30));
        for (int i = 1; i <= 50; i++) {
            screen.write("log line " + i + "\n");
        }
        assertEquals(List.of("log line 45", "log line 46", "log line 47", "log line 48", "log line 49", "log line 50", "",
                "ok 2/2 │ ● db  ● api"), screen.lines());
    }

    @Test
    void aLongOutputLineWrapsInsideTheOutputRows() {
        VtScreen screen = new VtScreen(6, 10);
        screen.write(area.update(List.of("STATUS"), 6, 10));
        screen.write("0123456789ABCDE\nnext\n");
        assertEquals(List.of("0123456789", "ABCDE", "next", "", "", "STATUS"), screen.lines());
    }

    @Test
    void growingWithTheScreenFullScrollsTheOutputUpInsteadOfOverwritingIt() {
        VtScreen screen = new VtScreen(8, 30);
        screen.write(area.update(List.of("S1"), 8, 30));
        for (int i = 1; i <= 20; i++) {
            screen.write("line " + i + "\n");
        }
        screen.write(area.update(List.of("S1", "S2", "S3"), 8, 30));
        assertEquals(List.of("line 17", "line 18", "line 19", "line 20", "", "S1", "S2", "S3"), screen.lines());
        screen.write("line 21\n");
        assertEquals(List.of("line 18", "line 19", "line 20", "line 21", "", "S1", "S2", "S3"), screen.lines());
    }

    @Test
    void shrinkingGivesTheRowsBackBlank() {
        VtScreen screen = new VtScreen(8, 30);
        screen.write("a\n");
        screen.write(area.update(List.of("S1", "S2", "S3"), 8, 30));
        screen.write(area.update(List.of("T1"), 8, 30));
        assertEquals(List.of("a", "", "", "", "", "", "", "T1"), screen.lines());
        assertEquals(6, screen.scrollBottom());
        for (int i = 1; i <= 9; i++) {
            screen.write("l" + i + "\n");
        }
        assertEquals(List.of("l4", "l5", "l6", "l7", "l8", "l9", "", "T1"), screen.lines());
    }

    @Test
    void onlyChangedRowsAreRedrawn() {
        area.update(List.of("same", "old"), 10, 40);
        assertEquals("", area.update(List.of("same", "old"), 10, 40));
        String update = area.update(List.of("same", "new"), 10, 40);
        assertEquals(ESC + "7" + ESC + "[10;1H" + ESC + "[0m" + ESC + "[2Knew" + ESC + "[0m" + ESC + "8", update);
    }

    @Test
    void aResizeErasesBelowTheCursorAndSetsTheAreaUpAgain() {
        area.update(List.of("wide status line"), 10, 40);
        String update = area.update(List.of("narrow"), 12, 20);
        assertTrue(update.startsWith(ESC + "7" + ESC + "[r" + ESC + "8" + ESC + "[J"), update);
        VtScreen screen = new VtScreen(12, 20);
        screen.write("out\n");
        screen.write(update);
        assertEquals("narrow", screen.lines().get(11));
        assertEquals(10, screen.scrollBottom());
    }

    @Test
    void closingGivesTheWholeScreenBackAndErasesTheStatus() {
        VtScreen screen = new VtScreen(6, 20);
        screen.write("before\n");
        screen.write(area.update(List.of("S1", "S2"), 6, 20));
        screen.write("after\n");
        screen.write(area.close());
        assertEquals(List.of("before", "after", "", "", "", ""), screen.lines());
        assertEquals(5, screen.scrollBottom());
        assertEquals(2, screen.cursorRow());
        assertTrue(screen.cursorVisible());
        assertEquals("", area.close(), "closing twice writes nothing");
    }

    @Test
    void aTinyScreenGetsNoStatus() {
        VtScreen screen = new VtScreen(3, 20);
        screen.write("x\n");
        screen.write(area.update(List.of("S1", "S2"), 3, 20));
        assertEquals(List.of("x", "", "S1"), screen.lines(), "one row of status, two left for output");
        StatusArea tiny = new StatusArea();
        VtScreen two = new VtScreen(2, 20);
        two.write(tiny.update(List.of("S1"), 2, 20));
        assertEquals(List.of("", ""), two.lines());
        assertEquals(0, tiny.height());
    }

    @Test
    void emergencyResetRestoresEverything() {
        VtScreen screen = new VtScreen(6, 20);
        screen.write(area.update(List.of("S1"), 6, 20));
        screen.write(StatusArea.emergencyReset());
        assertEquals(5, screen.scrollBottom());
        assertEquals("", screen.lines().get(5));
        assertTrue(screen.cursorVisible());
    }
}
