package dev.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One shared mapper (they are costly to create) and small helpers for hand-shaped JSON. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void putInstant(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }

    static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a time: '" + v.asText() + "'");
        }
    }

    /** A field that must be there, for files other processes rely on: a clear message when it is not. */
    static Instant requiredInstant(JsonNode n, String field) {
        Instant t = instant(n, field);
        if (t == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return t;
    }

    static String requiredText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return v.asText();
    }

    /** A pid or similar: a positive integral number. */
    static long requiredId(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
            throw new IllegalArgumentException("no valid " + field);
        }
        return v.asLong();
    }

    /**
     * Why a JSON file dev wrote could not be read, in words for a one-line message: no exception
     * names and none of the parser's internals (they mean nothing to the user, who only needs to know
     * the file is damaged and what dev does about it).
     */
    static String problem(Exception e) {
        if (e instanceof JsonEOFException) {
            return "it is cut short";
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return "it is not JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "it has an unexpected shape";
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? 0 : v.asLong();
    }
}
