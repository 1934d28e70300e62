package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Json} builds and writes trees without an ObjectMapper; it must agree with one, node class for node class. */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> DOCUMENTS = List.of(
            "{}", "[]", "null", "true", "\"text\"", "0", "-7", "2147483647", "2147483648", "-9223372036854775808",
            "92233720368547758070", "1.5", "-0.0", "1e300", "6.02E23",
            "{\"schema\":1,\"project\":\"shop\",\"ok\":true,\"stopping\":false,\"services\":[{\"name\":\"api\","
                    + "\"pid\":4242,\"port\":null,\"uptime_ms\":12345678901,\"failure\":{\"kind\":\"crashed\"}}]}",
            "{\"a\":{\"b\":{\"c\":[[],[{}],[1,[2,[3]]]]}}}",
            "{\"dup\":1,\"dup\":2}",
            "{\"unicode\":\"é ✔ \\u00e9 \\ud83d\\ude00\",\"esc\":\"tab\\tnl\\nquote\\\"\"}",
            "  {\"x\" : [ 1 , 2 ] }  ",
            "{\"first\":1} trailing words are ignored, as readTree ignores them");

    @Test
    void readsTreesAsObjectMapperDoes() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode expected = MAPPER.readTree(doc);
            JsonNode actual = Json.read(doc);
            assertEquals(expected, actual, doc);
            assertEquals(nodeClasses(expected), nodeClasses(actual), () -> "node classes of " + doc);
            assertEquals(expected, Json.read(doc.getBytes(StandardCharsets.UTF_8)), () -> "from bytes: " + doc);
            assertEquals(expected, Json.read(doc.getBytes(StandardCharsets.UTF_16)), () -> "UTF-16 detected: " + doc);
        }
    }

    @Test
    void writesWhatObjectMapperWrites() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            assertEquals(MAPPER.writeValueAsString(tree), Json.write(tree), doc);
            assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree), Json.writePretty(tree), doc);
        }
        assertTrue(!Json.write(MAPPER.readTree("{\"a\":\"x\\ny\"}")).contains("\n"), "one line on the socket");
    }

    @Test
    void emptyInputIsAMissingNodeAndBrokenInputFailsAsTheParserReportsIt() throws Exception {
        assertInstanceOf(MissingNode.class, Json.read(""));
        assertInstanceOf(MissingNode.class, Json.read("   \n"));
        for (String broken : List.of("{", "{\"a\":", "{\"a\":1", "[1,", "[", "\"abc", "{a:1}", "[1 2]", "nul",
                "{\"a\" 1}", "]", "{\"a\":1,}")) {
            // The same exception (Json.problem words it for the user) as a mapper's readTree throws.
            Class<? extends Throwable> expected = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(broken),
                    broken).getClass();
            assertEquals(expected, assertThrows(JsonProcessingException.class, () -> Json.read(broken), broken).getClass(),
                    broken);
        }
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(JsonProcessingException.class, () -> Json.read(deep), "nesting is bounded by the parser");
    }

    private static List<String> nodeClasses(JsonNode node) {
        List<String> classes = new ArrayList<>();
        collect(node, classes);
        return classes;
    }

    private static void collect(JsonNode node, List<String> classes) {
        classes.add(node.getClass().getSimpleName());
        node.forEach(child -> collect(child, classes));
    }
}
