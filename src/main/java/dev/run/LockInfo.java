package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.process.ProcessIdentity;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the lock file says about the orchestrator holding it.
 *
 * @param socket      the control socket (it may live outside .dev/ when the project path is too long)
 * @param projectRoot null when an older or damaged file does not say (nothing depends on it)
 */
public record LockInfo(long pid, Instant processStart, String version, Instant startedAt, Path socket, String runId,
                       Path projectRoot) {

    public ProcessIdentity identity() {
        return new ProcessIdentity(pid, processStart);
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("schema", 1);
        n.put("pid", pid);
        Json.putInstant(n, "process_start", processStart);
        n.put("version", version);
        Json.putInstant(n, "started_at", startedAt);
        n.put("socket", socket.toString());
        n.put("run_id", runId);
        n.put("project_root", projectRoot.toString());
        return n;
    }

    /** @throws IllegalArgumentException when {@code n} is not a complete owner description */
    static LockInfo fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a dev lock file");
        }
        String root = Json.text(n, "project_root");
        return new LockInfo(Json.requiredId(n, "pid"), Json.requiredInstant(n, "process_start"), Json.text(n, "version"),
                Json.instant(n, "started_at"), Path.of(Json.requiredText(n, "socket")), Json.text(n, "run_id"),
                root == null ? null : Path.of(root));
    }
}
