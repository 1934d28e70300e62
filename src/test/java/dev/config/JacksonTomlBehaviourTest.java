package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the behaviour of Jackson's TOML parser that the loader relies on, so an upgrade that
 * changes it fails here rather than silently degrading error messages.
 */
class JacksonTomlBehaviourTest {
    private static final TomlMapper MAPPER = new TomlMapper();

    private static TomlStreamReadException failure(String toml) {
        return assertThrows(TomlStreamReadException.class, () -> MAPPER.readTree(toml));
    }

    @Test
    void duplicateKeysAreRejectedAfterTheValue() {
        TomlStreamReadException e = failure("a = 1\na = 2\n");
        assertEquals("Duplicate key", e.getOriginalMessage());
        assertEquals(3, e.getLocation().getLineNr(), "Jackson points past the value: the loader relocates it");
    }

    @Test
    void redefinedTablesAreRejectedAtTheClosingBracket() {
        TomlStreamReadException e = failure("[x]\nb = 1\n[x]\nc = 2\n");
        assertEquals("Table redefined", e.getOriginalMessage());
        assertEquals(3, e.getLocation().getLineNr());
        assertEquals(3, e.getLocation().getColumnNr());
        assertEquals("Table redefined", failure("a = { x = 1 }\n[a]\ny = 2\n").getOriginalMessage());
    }

    @Test
    void locationsAreOneBased() {
        TomlStreamReadException e = failure("x = 1\n\n  y = = 3\n");
        assertEquals(3, e.getLocation().getLineNr());
        assertEquals(7, e.getLocation().getColumnNr());
    }

    @Test
    void treeKeepsWrittenOrderAndTypes() throws Exception {
        JsonNode n = MAPPER.readTree("""
                z = 1
                a = 1979-05-27
                m = 99999999999999999999
                f = 1.5
                [t]
                k = true
                """);
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("z", "a", "m", "f", "t"), keys);
        assertTrue(n.get("a").isTextual(), "dates arrive as text unless java.time parsing is enabled");
        assertTrue(n.get("m").isBigInteger());
        assertTrue(n.get("f").isFloatingPointNumber());
        assertTrue(n.get("t").get("k").isBoolean());
    }

    @Test
    void emptyDocumentIsAnEmptyTable() throws Exception {
        assertTrue(MAPPER.readTree("").isObject());
        assertEquals(0, MAPPER.readTree("# only a comment\n").size());
    }
}
