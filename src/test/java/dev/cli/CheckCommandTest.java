package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cli.Cli.CliResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dev check}: the start plan as text and as JSON for a valid multi-service project. */
class CheckCommandTest {
    private static final String SHOP = """
            [project]
            name = "shop"
            env = { NODE_ENV = "development" }
            stop_timeout = "5s"

            [services.db]
            command = "postgres -D .dev/pg -p ${port}"
            port = 5432
            optional = true
            keep_detached = true
            health = { exec = "pg_isready -p ${port}", interval = "500ms", retries = 5 }
            stop_signal = "INT"

            [services.migrate]
            command = "migrate --db 127.0.0.1:${services.db.port} --env $NODE_ENV"
            task = true
            depends_on = { db = "healthy" }

            [services.api]
            command = "serve --port ${port}"
            cwd = "backend"
            port = "auto"
            depends_on = { db = "healthy", migrate = "completed" }
            health = { http = "/health", status = "2xx", timeout = "2s", start_period = "3s" }
            start_timeout = "90s"
            restart = "on-failure"

            [services.web]
            command = "vite --port ${port} --api http://127.0.0.1:${services.api.port}"
            cwd = "web"
            port = 5173
            depends_on = ["api"]

            [services.cache]
            command = "redis-server --port ${port} --daemonize yes"
            port = "auto"
            stop_command = "redis-cli -p ${port} shutdown"
            stop_timeout = "3s"

            [services.worker]
            command = "worker"
            depends_on = { api = "started" }
            health = { log = "ready to accept" }
            """;

    /** The fields README documents for each service; more may be added, none may go missing. */
    private static final Set<String> SERVICE_FIELDS = Set.of("command", "cwd", "port", "port_auto", "depends_on",
            "optional", "task", "restart", "binds_to", "health", "start_timeout_ms", "stop_signal",
            "stop_timeout_ms", "stop_command");
    private static final Set<String> HEALTH_FIELDS = Set.of("kind", "target", "interval_ms", "timeout_ms", "retries",
            "start_period_ms");

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() {
        Cli.write(dir, "dev.toml", SHOP);
    }

    @Test
    void textShowsLevelsAndEveryServicesPlan() {
        CliResult r = Cli.run(dir, "check");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        assertFalse(r.outHasAnsi(), "not a terminal: no colour");
        String out = r.out();

        assertTrue(out.startsWith("✔ dev.toml is valid: project shop, 6 services\n"), out);
        assertTrue(out.contains("""
                Start order (services on one level start in parallel):
                  1. db, cache
                  2. migrate
                  3. api
                  4. web, worker
                """), out);

        assertEquals(List.of(
                "db  [optional, keep_detached]",
                "  command    postgres -D .dev/pg -p 5432",
                "  cwd        .",
                "  port       5432",
                "  health     exec pg_isready -p 5432  (every 500ms, timeout 1s, 5 retries, start period 1s)",
                "  stop       SIGINT, SIGKILL after 5s"), block(out, "db"));

        assertEquals(List.of(
                "migrate  [task]",
                "  command    migrate --db 127.0.0.1:5432 --env $NODE_ENV",
                "  cwd        .",
                "  depends on db (healthy)",
                "  health     none: a task is judged by its exit code (0 = completed)",
                "  stop       SIGTERM, SIGKILL after 5s"), block(out, "migrate"));

        List<String> api = block(out, "api");
        int apiPort = autoPort(api);
        assertEquals(List.of(
                "api",
                "  command    serve --port " + apiPort,
                "  cwd        backend",
                "  port       auto (chosen at start; e.g. " + apiPort + ")",
                "  depends on db (healthy), migrate (completed)",
                "  health     http http://127.0.0.1:" + apiPort
                        + "/health status 200-299  (every 2s, timeout 2s, 3 retries, start period 3s)",
                "  stop       SIGTERM, SIGKILL after 5s",
                "  restart    on-failure"), api);

        assertEquals(List.of(
                "web",
                "  command    vite --port 5173 --api http://127.0.0.1:" + apiPort,
                "  cwd        web",
                "  port       5173",
                "  depends on api (healthy)",
                "  health     tcp 127.0.0.1:5173  (every 2s, timeout 1s, 3 retries, start period 1s)",
                "  stop       SIGTERM, SIGKILL after 5s"), block(out, "web"));

        List<String> cache = block(out, "cache");
        int cachePort = autoPort(cache);
        assertEquals(List.of(
                "cache",
                "  command    redis-server --port " + cachePort + " --daemonize yes",
                "  cwd        .",
                "  port       auto (chosen at start; e.g. " + cachePort + ")",
                "  health     tcp 127.0.0.1:" + cachePort + "  (every 2s, timeout 1s, 3 retries, start period 1s)",
                "  stop       redis-cli -p " + cachePort + " shutdown, SIGKILL after 3s"), cache);

        assertEquals(List.of(
                "worker",
                "  command    worker",
                "  cwd        .",
                "  depends on api (started)",
                "  health     log /ready to accept/  (healthy once a line of output matches; never probed)",
                "  stop       SIGTERM, SIGKILL after 5s"), block(out, "worker"));
    }

    @Test
    void bindsToIsShownWithItsTarget() {
        Cli.write(dir, "dev.toml", """
                [services.web]
                command = "vite"

                [services.tunnel]
                command = "cloudflared"
                binds_to = "web"
                optional = true
                restart = "always"
                """);
        CliResult r = Cli.run(dir, "check");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(
                "tunnel  [optional]",
                "  command    cloudflared",
                "  cwd        .",
                "  binds to   web",
                "  health     running for 1s",
                "  stop       SIGTERM, SIGKILL after 10s",
                "  restart    always"), block(r.out(), "tunnel"));
        assertTrue(r.out().contains("project " + dir.getFileName() + ", 2 services"), "name defaults to the directory");
    }

    @Test
    void jsonHasTheDocumentedSchema() throws Exception {
        CliResult r = Cli.run(dir, "check", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());

        assertEquals(1, root.get("schema").asInt());
        assertEquals("shop", root.at("/project/name").asText());
        assertEquals(dir.toString(), root.at("/project/root").asText());
        assertEquals(dir.resolve("dev.toml").toString(), root.at("/project/file").asText());
        assertEquals("[[\"db\",\"cache\"],[\"migrate\"],[\"api\"],[\"web\",\"worker\"]]", root.get("levels").toString());

        JsonNode services = root.get("services");
        assertEquals(List.of("db", "migrate", "api", "web", "cache", "worker"), fieldNames(services));
        for (JsonNode s : services) {
            assertTrue(fieldNames(s).containsAll(SERVICE_FIELDS), () -> "documented fields in " + s);
            if (!s.get("health").isNull()) {
                assertTrue(fieldNames(s.get("health")).containsAll(HEALTH_FIELDS), () -> "health fields in " + s);
            }
        }

        JsonNode db = services.get("db");
        assertEquals("postgres -D .dev/pg -p 5432", db.get("command").asText());
        assertEquals(dir.toString(), db.get("cwd").asText());
        assertEquals(5432, db.get("port").asInt());
        assertFalse(db.get("port_auto").asBoolean());
        assertTrue(db.get("optional").asBoolean());
        assertFalse(db.get("task").asBoolean());
        assertTrue(db.get("keep_detached").asBoolean());
        assertEquals("no", db.get("restart").asText());
        assertTrue(db.get("binds_to").isNull());
        assertEquals("{}", db.get("depends_on").toString());
        assertEquals("{\"kind\":\"exec\",\"target\":\"pg_isready -p 5432\",\"interval_ms\":500,\"timeout_ms\":1000,"
                + "\"retries\":5,\"start_period_ms\":1000}", db.get("health").toString());
        assertEquals(60_000, db.get("start_timeout_ms").asLong());
        assertEquals("SIGINT", db.get("stop_signal").asText());
        assertEquals(5_000, db.get("stop_timeout_ms").asLong());
        assertTrue(db.get("stop_command").isNull());

        JsonNode migrate = services.get("migrate");
        assertTrue(migrate.get("task").asBoolean());
        assertTrue(migrate.get("port").isNull());
        assertTrue(migrate.get("health").isNull(), "a task has no health check: " + migrate);
        assertEquals("{\"db\":\"healthy\"}", migrate.get("depends_on").toString());

        JsonNode api = services.get("api");
        int apiPort = api.get("port").asInt();
        assertTrue(api.get("port_auto").asBoolean());
        assertTrue(apiPort > 0 && apiPort < 65536, api::toString);
        assertEquals("serve --port " + apiPort, api.get("command").asText());
        assertEquals(dir.resolve("backend").toString(), api.get("cwd").asText());
        assertEquals("{\"db\":\"healthy\",\"migrate\":\"completed\"}", api.get("depends_on").toString());
        assertEquals("on-failure", api.get("restart").asText());
        assertEquals(90_000, api.get("start_timeout_ms").asLong());
        JsonNode apiHealth = api.get("health");
        assertEquals("http", apiHealth.get("kind").asText());
        assertEquals("http://127.0.0.1:" + apiPort + "/health", apiHealth.get("target").asText());
        assertEquals(200, apiHealth.get("min_status").asInt());
        assertEquals(299, apiHealth.get("max_status").asInt());
        assertEquals(2_000, apiHealth.get("timeout_ms").asLong());
        assertEquals(3_000, apiHealth.get("start_period_ms").asLong());

        JsonNode web = services.get("web");
        assertEquals("{\"api\":\"healthy\"}", web.get("depends_on").toString(), "list shorthand resolved");
        assertEquals("tcp", web.at("/health/kind").asText());
        assertEquals("127.0.0.1:5173", web.at("/health/target").asText());

        JsonNode cache = services.get("cache");
        assertEquals("redis-cli -p " + cache.get("port").asInt() + " shutdown", cache.get("stop_command").asText());
        assertEquals(3_000, cache.get("stop_timeout_ms").asLong());

        JsonNode worker = services.get("worker");
        assertEquals("log", worker.at("/health/kind").asText());
        assertEquals("ready to accept", worker.at("/health/target").asText());
        assertEquals("{\"api\":\"started\"}", worker.get("depends_on").toString());
    }

    @Test
    void jsonShowsUptimeHealthAndBindsTo() throws Exception {
        Cli.write(dir, "dev.toml", """
                [services.web]
                command = "vite"

                [services.tunnel]
                command = "cloudflared"
                binds_to = "web"
                """);
        CliResult r = Cli.run(dir, "check", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode tunnel = new ObjectMapper().readTree(r.out()).at("/services/tunnel");
        assertEquals("web", tunnel.get("binds_to").asText());
        assertEquals("uptime", tunnel.at("/health/kind").asText());
        assertTrue(tunnel.at("/health/target").isNull());
        assertEquals(1_000, tunnel.at("/health/start_period_ms").asLong());
    }

    @Test
    void jsonIsNeverColoured() {
        CliResult r = Cli.run(dir, Cli.BASE_ENV, true, "--color=always", "check", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertFalse(r.outHasAnsi(), r::toString);
    }

    @Test
    void checkIsQuickAndLeavesNothingBehind() {
        long started = System.nanoTime();
        CliResult r = Cli.run(dir, "check");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "a check is a matter of milliseconds");
        assertFalse(dir.resolve(".dev").toFile().exists(), "check creates no run directory");
    }

    /** The lines of one service's block: its header up to the next blank line. */
    private static List<String> block(String out, String service) {
        List<String> lines = List.of(out.split("\n", -1));
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (!in && (line.equals(service) || line.startsWith(service + "  ["))) {
                in = true;
            }
            if (in) {
                if (line.isEmpty()) {
                    break;
                }
                block.add(line);
            }
        }
        assertFalse(block.isEmpty(), () -> "no block for " + service + " in\n" + out);
        return block;
    }

    private static int autoPort(List<String> block) {
        Pattern p = Pattern.compile("auto \\(chosen at start; e\\.g\\. (\\d+)\\)");
        for (String line : block) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no auto port in " + block);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
