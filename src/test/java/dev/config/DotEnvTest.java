package dev.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DotEnvTest {
    private static final Path FILE = Path.of("/p/.env");
    private static final Function<String, String> NOTHING = name -> null;

    private static Map<String, String> values(String content, Function<String, String> lookup) throws ConfigException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        DotEnv.parse(content, FILE, lookup).forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    private static List<String> errors(String content) {
        ConfigException e = assertThrows(ConfigException.class, () -> DotEnv.parse(content, FILE, NOTHING));
        return e.errors().stream()
                .map(x -> x.location().line() + ":" + x.location().column() + " " + x.kind())
                .toList();
    }

    @Test
    void plainAssignmentsCommentsBlankLinesAndExport() throws Exception {
        Map<String, String> v = values("""
                # a comment

                A=1
                  B = two words   # trailing comment
                export C=3
                D=
                E=#not-a-comment
                F= #a-comment
                G=a#b
                """, NOTHING);
        assertEquals(Map.of("A", "1", "B", "two words", "C", "3", "D", "", "E", "#not-a-comment", "F", "", "G", "a#b"), v);
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G"), List.copyOf(v.keySet()));
    }

    @Test
    void singleQuotesAreLiteral() throws Exception {
        assertEquals(Map.of("A", "x ${HOME} \\n $y # z"), values("A='x ${HOME} \\n $y # z'  # c\n", NOTHING));
    }

    @Test
    void doubleQuotesUnderstandEscapes() throws Exception {
        assertEquals("line1\nline2\ttab \"q\" back\\slash $literal \\x",
                values("A=\"line1\\nline2\\ttab \\\"q\\\" back\\\\slash \\$literal \\x\"\n", NOTHING).get("A"));
    }

    @Test
    void quotedValuesMaySpanLinesAndLineNumbersStayRight() throws Exception {
        Map<String, DotEnv.Entry> e = DotEnv.parse("""
                KEY="-----BEGIN
                middle
                -----END"
                CERT='a
                b'
                AFTER=1
                """, FILE, NOTHING);
        assertEquals("-----BEGIN\nmiddle\n-----END", e.get("KEY").value());
        assertEquals("a\nb", e.get("CERT").value());
        assertEquals(1, e.get("KEY").line());
        assertEquals(4, e.get("CERT").line());
        assertEquals(6, e.get("AFTER").line());
        assertEquals(new Location(FILE, 6, 1), e.get("AFTER").location());
    }

    @Test
    void expandsFromEarlierKeysThenTheLookup() throws Exception {
        Map<String, String> v = values("""
                HOST=localhost
                URL="http://${HOST}:$PORT/x"
                BARE=$HOST/${HOME}
                HOST=example.com
                AGAIN=${HOST}
                PRICE="5$ and $1 and $"
                """, Map.of("PORT", "8080", "HOME", "/home/u", "HOST", "from-lookup")::get);
        assertEquals("http://localhost:8080/x", v.get("URL"));
        assertEquals("localhost//home/u", v.get("BARE"));
        assertEquals("example.com", v.get("AGAIN"));
        assertEquals("5$ and $1 and $", v.get("PRICE"));
    }

    @Test
    void laterAssignmentWins() throws Exception {
        assertEquals(Map.of("A", "2"), values("A=1\nA=2\n", NOTHING));
    }

    @Test
    void windowsLineEndings() throws Exception {
        assertEquals(Map.of("A", "1", "B", "two"), values("A=1\r\nB=\"two\"\r\n", NOTHING));
    }

    @Test
    void malformedLinesAreReportedWithFileLineAndColumn() {
        assertEquals(List.of("2:1 ENV_FILE", "3:3 ENV_FILE", "4:1 ENV_FILE"),
                errors("OK=1\nJUST_A_WORD\n  1BAD=x\nexport\nFINE=2\n"));
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertEquals(List.of("1:7 ENV_FILE"), errors("A=\"x\" y\n"));
    }

    @Test
    void unterminatedQuoteIsReportedAtTheOpeningQuote() {
        assertEquals(List.of("2:5 ENV_FILE"), errors("A=1\nB = \"never closed\nC=3\n"));
        assertEquals(List.of("1:3 ENV_FILE"), errors("A='x\n"));
    }

    @Test
    void unknownReferenceIsAnErrorNotAnEmptyString() {
        assertEquals(List.of("1:6 UNKNOWN_REFERENCE", "2:3 UNKNOWN_REFERENCE"), errors("A=\"x ${NOPE}\"\nB=$ALSO_NOPE\n"));
    }

    @Test
    void badReferenceSyntax() {
        assertEquals(List.of("1:4 ENV_FILE", "2:3 ENV_FILE"), errors("A=\"${UNCLOSED\"\nB=${1X}\n"));
    }

    @Test
    void errorsNameTheFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> DotEnv.parse("nonsense\n", FILE, NOTHING));
        assertEquals(FILE, e.errors().get(0).location().file());
        assertEquals(true, e.getMessage().startsWith("/p/.env:1:1: "));
    }
}
