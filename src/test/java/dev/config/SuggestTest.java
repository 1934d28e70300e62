package dev.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestTest {
    @Test
    void typosFindTheirKey() {
        List<String> keys = ServiceReader.KEYS;
        assertEquals(Optional.of("health"), Suggest.closest("helth", keys));
        assertEquals(Optional.of("depends_on"), Suggest.closest("depend_on", keys));
        assertEquals(Optional.of("depends_on"), Suggest.closest("depneds_on", keys));
        assertEquals(Optional.of("port"), Suggest.closest("PORT", keys));
        assertEquals(Optional.of("stop_timeout"), Suggest.closest("stop_timout", keys));
    }

    @Test
    void farWordsGetTheListInstead() {
        assertEquals(Optional.empty(), Suggest.closest("banana", ServiceReader.KEYS));
        String hint = Suggest.hint("banana", List.of("a", "b"), "valid keys are");
        assertEquals("valid keys are: `a`, `b`", hint);
        assertTrue(Suggest.hint("helth", ServiceReader.KEYS, "x").startsWith("did you mean `health`"));
    }

    @Test
    void transpositionCountsAsOneEdit() {
        assertEquals(1, Suggest.distance("ab", "ba"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(0, Suggest.distance("", ""));
    }
}
