package dev.cli;

import dev.cli.Cli.CliResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dev env SERVICE}: every effective value with its source, secrets masked. */
class EnvCommandTest {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([^=\\s]+)=(.*?) +# (.+)$");

    /** The user's environment: the harness base plus one value .env overrides and a secret of their own. */
    private static final Map<String, String> USER_ENV = Cli.env("SHELL_ONLY", "from-shell", "FROM_DOTENV", "from-shell",
            "GITHUB_TOKEN", "ghp_user");

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() {
        Cli.write(dir, "dev.toml", """
                [project]
                env = { NODE_ENV = "development", SHADOWED = "from-project", LAYER = "project" }

                [services.api]
                command = "serve --port ${port}"
                port = "auto"
                env_file = "backend/.env"
                env = { SECRET_KEY = "s3cr3t", LAYER = "service", GREETING = "hi ${NODE_ENV}", EMPTY_PASSWORD = "" }

                [services.web]
                command = "vite"
                port = 5173
                """);
        Cli.write(dir, ".env", """
                API_TOKEN=tok123
                FROM_DOTENV=from-dotenv
                SHADOWED=from-dotenv
                """);
        Cli.write(dir, "backend/.env", """
                DB_PASSWORD=hunter2
                LAYER=backend-file
                """);
    }

    @Test
    void showsEachValueWithItsSourceAndMasksSecrets() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "api");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        Map<String, String[]> env = parse(r.out());

        assertShown(env, "API_TOKEN", "****", ".env");
        assertShown(env, "FROM_DOTENV", "from-dotenv", ".env");
        assertShown(env, "SHADOWED", "from-project", "[project].env");
        assertShown(env, "NODE_ENV", "development", "[project].env");
        assertShown(env, "DB_PASSWORD", "****", "backend/.env");
        assertShown(env, "LAYER", "service", "[services.api].env");
        assertShown(env, "SECRET_KEY", "****", "[services.api].env");
        assertShown(env, "GREETING", "hi development", "[services.api].env");
        assertShown(env, "EMPTY_PASSWORD", "", "[services.api].env");
        assertShown(env, "DEV_SERVICE", "api", "set by dev");
        assertShown(env, "DEV_PROJECT_ROOT", dir.toString(), "set by dev");
        assertEquals("set by dev", env.get("PORT")[1]);
        assertTrue(env.get("PORT")[0].matches("\\d+"), "an example auto port: " + env.get("PORT")[0]);

        for (String inherited : new String[] {"PATH", "HOME", "SHELL_ONLY", "GITHUB_TOKEN"}) {
            assertFalse(env.containsKey(inherited), inherited + " only with --all");
        }
        assertTrue(r.out().contains("# + 4 variables inherited unchanged from your environment (--all lists them)"),
                r.out());
        assertFalse(r.out().contains("tok123") || r.out().contains("hunter2") || r.out().contains("s3cr3t"), r.out());
    }

    @Test
    void valuesAndSourcesLineUp() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "api");
        int column = -1;
        for (String line : r.out().split("\n")) {
            if (ASSIGNMENT.matcher(line).matches()) {
                int at = line.indexOf("  # ");
                assertTrue(column < 0 || column == at, () -> "source comments in one column:\n" + r.out());
                column = at;
            }
        }
        assertTrue(column > 0, r.out());
    }

    @Test
    void showSecretsPrintsTheRealValues() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "api", "--show-secrets");
        assertEquals(0, r.exit(), r::toString);
        Map<String, String[]> env = parse(r.out());
        assertShown(env, "API_TOKEN", "tok123", ".env");
        assertShown(env, "DB_PASSWORD", "hunter2", "backend/.env");
        assertShown(env, "SECRET_KEY", "s3cr3t", "[services.api].env");
    }

    @Test
    void allIncludesTheUserEnvironmentWithSecretsStillMasked() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "--all", "api");
        assertEquals(0, r.exit(), r::toString);
        Map<String, String[]> env = parse(r.out());
        assertShown(env, "PATH", "/usr/bin:/bin", EnvCommand.USER_ENV);
        assertShown(env, "HOME", "/home/dev", EnvCommand.USER_ENV);
        assertShown(env, "SHELL_ONLY", "from-shell", EnvCommand.USER_ENV);
        assertShown(env, "GITHUB_TOKEN", "****", EnvCommand.USER_ENV);
        assertShown(env, "FROM_DOTENV", "from-dotenv", ".env");
        assertFalse(r.out().contains("inherited unchanged"), r.out());

        CliResult shown = Cli.run(dir, USER_ENV, "env", "-a", "--show-secrets", "api");
        assertShown(parse(shown.out()), "GITHUB_TOKEN", "ghp_user", EnvCommand.USER_ENV);
    }

    @Test
    void serviceLayersApplyOnlyToTheirService() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "web");
        assertEquals(0, r.exit(), r::toString);
        Map<String, String[]> env = parse(r.out());
        assertShown(env, "LAYER", "project", "[project].env");
        assertShown(env, "PORT", "5173", "set by dev");
        assertShown(env, "DEV_SERVICE", "web", "set by dev");
        assertFalse(env.containsKey("DB_PASSWORD") || env.containsKey("SECRET_KEY"), r.out());
    }

    @Test
    void anotherServicesBrokenEnvFileDoesNotHideThisOne() {
        Cli.write(dir, "dev.toml", """
                [services.api]
                command = "serve"
                env_file = "missing.env"

                [services.web]
                command = "vite"
                """);
        CliResult web = Cli.run(dir, USER_ENV, "env", "web");
        assertEquals(0, web.exit(), web::toString);
        assertShown(parse(web.out()), "DEV_SERVICE", "web", "set by dev");

        CliResult api = Cli.run(dir, USER_ENV, "env", "api");
        assertEquals(ExitCode.USAGE, api.exit(), api::toString);
        assertTrue(api.err().startsWith("dev.toml:3:12: error: "), api::toString);
        assertTrue(api.err().contains("missing.env"), api::toString);
    }

    @Test
    void unknownServiceListsTheServices() {
        CliResult r = Cli.run(dir, USER_ENV, "env", "apj");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertEquals("error: no service 'apj' in dev.toml\nhint: services: api, web\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void sourcesAreDimmedOnlyWithColour() {
        CliResult plain = Cli.run(dir, USER_ENV, "env", "web");
        assertFalse(plain.outHasAnsi(), plain::toString);
        CliResult coloured = Cli.run(dir, USER_ENV, "--color=always", "env", "web");
        assertTrue(coloured.out().contains("\u001b[2m# set by dev"), coloured::toString);
    }

    @Test
    void secretLookingNamesAreRecognised() {
        for (String secret : new String[] {"API_TOKEN", "DB_PASSWORD", "SECRET_KEY", "aws_secret_access_key",
            "GITHUB_TOKEN", "MYSQL_PASSWD", "GOOGLE_CREDENTIALS"}) {
            assertTrue(EnvCommand.isSecret(secret), secret);
        }
        for (String plain : new String[] {"PATH", "HOME", "PORT", "NODE_ENV", "DEV_PROJECT_ROOT", "DEV_SERVICE"}) {
            assertFalse(EnvCommand.isSecret(plain), plain);
        }
    }

    private static void assertShown(Map<String, String[]> env, String key, String value, String source) {
        String[] shown = env.get(key);
        assertTrue(shown != null, () -> key + " missing from " + env.keySet());
        assertEquals(value, shown[0], key + " value");
        assertEquals(source, shown[1], key + " source");
    }

    /** KEY -> {shown value, source} from {@code KEY=VALUE   # source} lines. */
    private static Map<String, String[]> parse(String out) {
        Map<String, String[]> env = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches()) {
                env.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        return env;
    }
}
