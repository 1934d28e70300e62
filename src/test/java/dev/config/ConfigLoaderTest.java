package dev.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/home/dev", "API_TOKEN", "secret");

    @TempDir
    Path dir;

    private Config parse(String toml) throws ConfigException {
        return ConfigLoader.parse(toml, dir.resolve("dev.toml"), dir, ENV);
    }

    private List<ConfigError> errors(String toml) {
        return assertThrows(ConfigException.class, () -> parse(toml)).errors();
    }

    private ConfigError error(String toml) {
        List<ConfigError> errors = errors(toml);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    private static String where(ConfigError e) {
        return e.location().line() + ":" + e.location().column() + " " + e.kind();
    }

    @Test
    void unknownKeySuggestsTheClosestKey() {
        ConfigError e = error("[services.api]\ncommand = \"x\"\ndepend_on = []\n");
        assertEquals("3:1 UNKNOWN_KEY", where(e));
        assertEquals("unknown key `depend_on` in [services.api]", e.message());
        assertEquals("did you mean `depends_on`?", e.suggestion());
    }

    @Test
    void unknownKeyFarFromAnyListsTheValidKeys() {
        ConfigError e = error("[project]\nbanana = 1\n[services.api]\ncommand = \"x\"\n");
        assertEquals("valid keys are: `name`, `env_file`, `env`, `stop_timeout`, `log_max_size`, `log_max_files`",
                e.suggestion());
    }

    @Test
    void keysFromOtherToolsSuggestDevsName() {
        ConfigError e = error("[services.api]\ncommand = \"x\"\nenvironment = { A = \"1\" }\n");
        assertEquals("did you mean `env`?", e.suggestion());
        assertEquals("did you mean `cwd`?", error("[services.api]\ncommand = \"x\"\nworking_dir = \"a\"\n").suggestion());
    }

    @Test
    void messagesNameTheExactValue() {
        assertEquals("`services.api.port` must be an integer or \"auto\", not a boolean (true)",
                error("[services.api]\ncommand = \"x\"\nport = true\n").message());
        assertEquals("`services.api.stop_timeout` is not a valid duration: \"ten\"",
                error("[services.api]\ncommand = \"x\"\nstop_timeout = \"ten\"\n").message());
        assertEquals("`services.api.stop_signal` is not a signal that stops a process: \"SIGWAT\"",
                error("[services.api]\ncommand = \"x\"\nstop_signal = \"SIGWAT\"\n").message());
        ConfigError dup = error("[services.a]\ncommand = \"x\"\nport = 80\n[services.b]\ncommand = \"y\"\nport = 80\n");
        assertEquals("port 80 of service `b` is already used by service `a`", dup.message());
        assertEquals("6:8 DUPLICATE_PORT", where(dup));
    }

    @Test
    void cycleMessageNamesTheWholeCycle() {
        ConfigError e = error("""
                [services.a]
                command = "a"
                depends_on = ["b"]
                [services.b]
                command = "b"
                depends_on = ["c"]
                [services.c]
                command = "c"
                binds_to = "a"
                """);
        assertEquals("dependency cycle: a → b → c → a", e.message());
        assertTrue(e.suggestion().contains("binds_to"));
    }

    @Test
    void everyErrorOfAFileIsCollected() {
        List<ConfigError> errors = errors("""
                [project]
                log_max_files = 0
                [services.a]
                port = "x"
                [services.b]
                command = 1
                stop_signal = "NOPE"
                depends_on = ["zzz"]
                """);
        assertEquals(List.of("2:17 CONFLICT", "3:1 MISSING_KEY", "4:8 INVALID_PORT", "6:11 WRONG_TYPE",
                "7:15 INVALID_SIGNAL", "8:15 UNKNOWN_DEPENDENCY"), errors.stream().map(ConfigLoaderTest::where).toList());
    }

    @Test
    void syntaxErrorsCarryJacksonsLineAndColumnWithoutInternals() {
        ConfigError e = error("[services.api]\ncommand = \"x\"\nport = = 3\n");
        assertEquals("3:8 SYNTAX", where(e));
        assertEquals("TOML syntax error: unknown token", e.message());
        InvalidConfigCorpusTest.assertNoJavaInternals(e.render());
    }

    @Test
    void duplicateKeyInAnInlineTableIsNamed() {
        ConfigError e = error("[services.api]\ncommand = \"x\"\nenv = { A = \"1\", A = \"2\" }\n");
        assertEquals("3:18 SYNTAX", where(e));
        assertEquals("TOML syntax error: key `services.api.env.A` is set twice", e.message());
    }

    @Test
    void missingFileIsNotFound() {
        Path missing = dir.resolve("nope/dev.toml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(ConfigError.Kind.NOT_FOUND, e.errors().get(0).kind());
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    @Test
    void unreadablePathIsNotFound() throws IOException {
        Path asDirectory = Files.createDirectory(dir.resolve("dev.toml"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(asDirectory));
        assertEquals(ConfigError.Kind.NOT_FOUND, e.errors().get(0).kind());
        InvalidConfigCorpusTest.assertNoJavaInternals(e.getMessage());
    }

    @Test
    void loadReadsTheFileAndUsesItsDirectoryAsRoot() throws Exception {
        Path project = Files.createDirectory(dir.resolve("my-shop"));
        Path file = Files.writeString(project.resolve("dev.toml"), "\uFEFF[services.web]\ncommand = \"serve\"\n",
                StandardCharsets.UTF_8);
        Config c = ConfigLoader.load(file, ENV);
        assertEquals("my-shop", c.project().name());
        assertEquals(project, c.project().root());
        assertEquals(new Location(file, 1, 1), c.service("web").location());
    }

    @Test
    void variablesMustBeDefinedSomewhereInTheChain() throws Exception {
        Files.writeString(dir.resolve(".env"), "FROM_DOTENV=1\n");
        Files.writeString(dir.resolve("svc.env"), "FROM_SERVICE_FILE=1\n");
        Config c = parse("""
                [project]
                env = { FROM_PROJECT = "${HOME}/x" }
                [services.api]
                command = "serve ${API_TOKEN} ${FROM_DOTENV} ${FROM_PROJECT} ${FROM_SERVICE_FILE} ${OWN} ${PORT} ${DEV_SERVICE}"
                port = 1234
                env_file = "svc.env"
                env = { OWN = "${FROM_PROJECT}" }
                """);
        assertEquals(1, c.services().size());

        ConfigError e = error("[services.api]\ncommand = \"serve ${NOT_ANYWHERE}\"\n");
        assertEquals("2:11 UNKNOWN_REFERENCE", where(e));
        assertTrue(e.message().contains("${NOT_ANYWHERE}"), e.message());
    }

    @Test
    void portIsOnlyDefinedForServicesWithAPort() {
        ConfigError e = error("[services.api]\ncommand = \"serve ${PORT}\"\n");
        assertEquals(ConfigError.Kind.UNKNOWN_REFERENCE, e.kind());
    }

    @Test
    void aMissingExplicitEnvFileIsLeftForResolving() throws Exception {
        Config c = parse("[project]\nenv_file = \"missing.env\"\n[services.api]\ncommand = \"serve ${MAYBE_IN_THAT_FILE}\"\n");
        assertEquals(List.of(new ProjectConfig.EnvFileRef("missing.env", true, new Location(dir.resolve("dev.toml"), 2, 12))),
                c.project().envFiles());
    }

    @Test
    void cascadingErrorsAreNotReported() {
        // The bad port is one error; `${port}` and the http check must not add "has no port" errors.
        List<ConfigError> errors = errors("""
                [services.api]
                command = "serve --port ${port}"
                port = 0
                health = { http = "/health" }
                [services.web]
                command = "vite --api ${services.api.port}"
                """);
        assertEquals(List.of("3:8 INVALID_PORT"), errors.stream().map(ConfigLoaderTest::where).toList());
    }

    @Test
    void envValuesAcceptNumbersAndBooleansAsText() throws Exception {
        Config c = parse("[services.api]\ncommand = \"x\"\nenv = { A = 1, B = false, C = \"c\" }\n");
        assertEquals(Map.of("A", "1", "B", "false", "C", "c"), c.service("api").env());
    }

    @Test
    void invalidEnvVariableName() {
        assertEquals("3:9 INVALID_NAME", where(error("[services.api]\ncommand = \"x\"\nenv = { \"A=B\" = \"1\" }\n")));
    }

    @Test
    void healthCheckVariants() throws Exception {
        Config c = parse("""
                [services.a]
                command = "a"
                port = 80
                health = { tcp = 81 }
                """);
        assertEquals("81", ((HealthSpec.Tcp) c.service("a").health()).port());
        assertEquals("3:18 INVALID_PORT", where(error("[services.a]\ncommand = \"a\"\nhealth = { tcp = \"eighty\" }\n")));
        assertEquals("3:18 INVALID_PORT", where(error("[services.a]\ncommand = \"a\"\nhealth = { tcp = 0 }\n")));
        assertEquals("3:10 CONFLICT", where(error("[services.a]\ncommand = \"a\"\nhealth = {}\n")));
        assertEquals("4:17 INVALID_VALUE", where(error("[services.a]\ncommand = \"a\"\nport = 1\nhealth.status = \"299-200\"\nhealth.http = \"/\"\n")));
    }

    @Test
    void bareHealthValueGetsAHintWithItsKind() {
        ConfigError e = error("[services.a]\ncommand = \"a\"\nport = 80\nhealth = \"/health\"\n");
        assertEquals("write health = { http = \"/health\" }", e.suggestion());
    }

    @Test
    void servicesMustBeATable() {
        assertEquals("1:12 WRONG_TYPE", where(error("services = [\"a\"]\n")));
        assertEquals("1:1 MISSING_KEY", where(error("[services]\n")));
    }

    @Test
    void arrayOfTablesWhereATableIsExpected() {
        List<ConfigError> errors = errors("[[services]]\ncommand = \"a\"\n");
        assertEquals(List.of("1:1 WRONG_TYPE"), errors.stream().map(ConfigLoaderTest::where).toList());
    }
}
