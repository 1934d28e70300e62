package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The control socket's newline-delimited JSON. Every message carries {@code "v": 1}.
 * <pre>
 * → {"v":1,"op":"status"}                         ← {"v":1,"ok":true,"stack":{…}}
 * → {"v":1,"op":"stop","services":[],"force":false,"timeout_ms":null}
 *                                                 ← {"v":1,"ok":true,"stack":{…}} once stopped
 * → {"v":1,"op":"restart","services":["api"]}     ← {"v":1,"ok":true,"stack":{…}} once up or failed
 * → {"v":1,"op":"subscribe"}                      ← {"v":1,"event":"snapshot","stack":{…}} now and on
 *                                                   every change, {"v":1,"event":"transition",…} per
 *                                                   state change, until the client disconnects
 * errors                                          ← {"v":1,"ok":false,"error":"…"}
 * </pre>
 */
public final class ControlProtocol {
    public static final int VERSION = 1;
    /** Requests are tiny; anything longer is refused before it can cost memory. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private ControlProtocol() {
    }

    public static ObjectNode request(String op) {
        ObjectNode n = Json.object();
        n.put("v", VERSION);
        n.put("op", op);
        return n;
    }

    public static ObjectNode request(String op, Collection<String> services) {
        ObjectNode n = request(op);
        ArrayNode a = n.putArray("services");
        services.forEach(a::add);
        return n;
    }

    static ObjectNode ok() {
        ObjectNode n = Json.object();
        n.put("v", VERSION);
        n.put("ok", true);
        return n;
    }

    static ObjectNode error(String message) {
        ObjectNode n = Json.object();
        n.put("v", VERSION);
        n.put("ok", false);
        n.put("error", message);
        return n;
    }

    static ObjectNode event(String kind) {
        ObjectNode n = Json.object();
        n.put("v", VERSION);
        n.put("event", kind);
        return n;
    }

    public static boolean isError(JsonNode reply) {
        return reply.has("ok") && !reply.get("ok").asBoolean();
    }
}
