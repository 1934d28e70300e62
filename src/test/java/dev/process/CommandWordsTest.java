package dev.process;

import dev.process.CommandWords.NoProgram;
import dev.process.CommandWords.Program;
import dev.process.CommandWords.Unanalysable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CommandWordsTest {

    static String word(String command) {
        return assertInstanceOf(Program.class, CommandWords.leadingWord(command), command).word();
    }

    @Test
    void findsTheFirstWordAfterAssignmentsAndExec() {
        assertEquals("npm", word("npm run dev"));
        assertEquals("uvicorn", word("  PORT=8000 DEBUG=\"a b\" exec uvicorn app:app"));
        assertEquals("./bin/server", word("exec ./bin/server --port 1"));
        assertEquals("node", word("node;echo x"));
        assertEquals("cmd", word("cmd>out.log"));
        assertEquals("exec", word("'exec' x"), "a quoted exec is looked up as a command word");
    }

    @Test
    void removesQuotesAndEscapes() {
        assertEquals("my tool", word("'my tool' x"));
        assertEquals("my tool", word("\"my tool\" x"));
        assertEquals("my tool", word("my\\ tool x"));
        assertEquals("a\"b", word("\"a\\\"b\""));
        assertEquals("if", word("'if'"), "quoted keywords are plain words");
    }

    @Test
    void reportsCommandsThatRunNothing() {
        assertInstanceOf(NoProgram.class, CommandWords.leadingWord(""));
        assertInstanceOf(NoProgram.class, CommandWords.leadingWord("A=1 B=2"));
        assertInstanceOf(NoProgram.class, CommandWords.leadingWord("exec"));
    }

    @Test
    void givesUpOnSyntaxItDoesNotFollow() {
        for (String command : new String[] {"(x)", "{ x; }", "if x; then y; fi", "$CMD", "\"$X\"", "x*", "~/x",
                "2>&1 x", "'open", "\"open", "exec -a n x", "''", "time x"}) {
            assertInstanceOf(Unanalysable.class, CommandWords.leadingWord(command), command);
        }
    }
}
