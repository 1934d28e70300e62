package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ui.KeyCommands.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCommandsTest {
    private final KeyCommands keys = new KeyCommands(List.of("db", "api", "web", "worker"), true);

    private Action type(String text) {
        Action last = null;
        for (char c : text.toCharArray()) {
            last = keys.feed(c);
        }
        return last;
    }

    @Test
    void qAndCtrlCQuit() {
        assertInstanceOf(Action.Quit.class, keys.feed('q'));
        assertInstanceOf(Action.Quit.class, keys.feed(3));
    }

    @Test
    void otherKeysDoNothing() {
        assertNull(keys.feed('x'));
        assertNull(keys.feed('\r'));
        assertNull(type("\u001b[A"), "an arrow key");
    }

    @Test
    void rThenANameThenEnterRestartsIt() {
        assertInstanceOf(Action.Changed.class, keys.feed('r'));
        assertEquals("", keys.prompt());
        type("api");
        assertEquals("api", keys.prompt());
        assertEquals(new Action.Restart("api"), keys.feed('\r'));
        assertNull(keys.prompt(), "the prompt closes");
    }

    @Test
    void aNumberOrAUniquePrefixWorksToo() {
        assertEquals(new Action.Restart("web"), type("r3\r"));
        assertEquals(new Action.Restart("worker"), type("rwo\n"));
        assertEquals(new Action.Restart("db"), type("r d \r"), "spaces around are ignored");
    }

    @Test
    void anAmbiguousOrUnknownNameIsAProblemNotARestart() {
        Action ambiguous = type("rw\r");
        assertInstanceOf(Action.Problem.class, ambiguous);
        assertEquals("no service 'w' (services: db, api, web, worker)", ((Action.Problem) ambiguous).message());
        assertInstanceOf(Action.Problem.class, type("r9\r"));
        assertInstanceOf(Action.Problem.class, type("r0\r"));
        assertInstanceOf(Action.Problem.class, type("rnope\r"));
    }

    @Test
    void thePromptCanBeEditedAndCancelled() {
        type("rapx");
        keys.feed(127);
        assertEquals("ap", keys.prompt());
        keys.feed(8);
        assertEquals("a", keys.prompt());
        keys.feed(21);
        assertEquals("", keys.prompt());
        assertInstanceOf(Action.Changed.class, keys.feed(27));
        assertNull(keys.prompt());
        type("rdb");
        assertInstanceOf(Action.Changed.class, keys.feed(3), "Ctrl-C in the prompt cancels it, it does not quit");
        assertNull(keys.prompt());
        assertInstanceOf(Action.Changed.class, type("r\r"), "Enter on nothing just closes");
        assertNull(keys.prompt());
    }

    @Test
    void qInThePromptIsALetter() {
        type("rq");
        assertEquals("q", keys.prompt());
    }

    @Test
    void lCyclesThroughEveryServiceAndBackToAll() {
        assertNull(keys.logFilter());
        for (String expected : List.of("db", "api", "web", "worker")) {
            assertInstanceOf(Action.Changed.class, keys.feed('l'));
            assertEquals(expected, keys.logFilter());
        }
        keys.feed('l');
        assertNull(keys.logFilter());
        assertEquals(new KeyHint(true, "stop", null, null, List.of("db", "api", "web", "worker")), keys.hint("stop"));
    }

    @Test
    void withoutOutputThereIsNoLogFilter() {
        KeyCommands watch = new KeyCommands(List.of("db"), false);
        assertNull(watch.feed('l'));
        assertNull(watch.logFilter());
    }
}
