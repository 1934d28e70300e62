package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link FastPath} against picocli: whatever argument list the fast path accepts, picocli must parse into the very
 * same fields; whatever picocli rejects (or prints help or usage for), the fast path must leave to it.
 */
class FastPathTest {
    private static final String[] GLOBALS = {"-C", "proj", "-C", "-x", "--color", "never", "--color=always",
        "--color=Never", "--color=bogus", "--color=", "--no-color", "--no-color=true", "--verbose", "-f", "a.toml",
        "--file", "--file=b.toml", "-Cproj", "-C=proj", "--verbose=false"};
    private static final String[] STATUS = {"--json", "-q", "--quiet", "-w", "--watch", "--json=false", "-qw",
        "api", "web", "", "-h", "--help", "-V", "--", "@args.txt", "-f", "c.toml", "--file=d.toml", "--file", "-x",
        "status", "stop", "--force"};
    private static final String[] STOP = {"--force", "--force=true", "--timeout", "5s", "--timeout=2s", "--timeout",
        "--watchdog", "run-1", "--watchdog=run-2", "api", "db", "-h", "--", "-f", "e.toml", "--json", "-9", "stop"};

    private static final String[] START = {"-d", "--detach", "--wait", "--timeout", "30s", "--timeout=1m", "--no-deps",
        "--abort-on-failure", "--detached-child", "-dw", "api", "db", "-h", "--", "-f", "g.toml", "--json", "start"};

    /** Per command, tokens that are each fine alone, so that combinations (repeats, orders) get compared too. */
    private static final List<String[]> PLAIN = List.of(
            new String[] {"--no-color", "--verbose", "--color=never", "--json", "-q", "--quiet", "api", "web", "--file=f.toml"},
            new String[] {"--no-color", "--verbose", "--force", "--timeout=3s", "--watchdog=r", "api", "--file=f.toml"},
            new String[] {"--no-color", "--verbose", "-d", "--wait", "--no-deps", "--timeout=3s", "api", "--file=f.toml"});

    @Test
    void plainInvocationsAreReadWithoutPicocli() {
        assertAccepted("status");
        assertAccepted("--no-color", "-C", "proj", "status", "--json", "api", "web");
        assertAccepted("stop", "--timeout", "5s", "db", "--verbose");
        assertAccepted("stop", "--watchdog", "run-1");
        assertAccepted("-f", "a.toml", "status", "-f", "b.toml", "--color=never", "-q");
        assertAccepted("start", "-d", "--wait", "--timeout", "30s");
        assertAccepted("start", "api", "--no-deps", "--abort-on-failure");
    }

    @Test
    void anythingUnusualIsLeftToPicocli() {
        for (String[] args : List.of(new String[] {}, new String[] {"--verbose"}, new String[] {"status", "--help"},
                new String[] {"status", "-w"}, new String[] {"status", "-qw"}, new String[] {"status", "--", "api"},
                new String[] {"status", "--json", "--json"}, new String[] {"stop", "--timeout"},
                new String[] {"-Cproj", "status"}, new String[] {"status", "@args"}, new String[] {"logs"},
                new String[] {"status", "--color=purple"}, new String[] {"stop", "--force=true"},
                new String[] {"start", "-dw"}, new String[] {"start", "--detached-child"})) {
            assertTrue(FastPath.parse(args).isEmpty(), () -> "left to picocli: " + List.of(args));
        }
    }

    @Test
    void randomArgumentListsParseTheSameBothWays() {
        Random random = new Random(20261122);
        int accepted = 0;
        for (int n = 0; n < 1500; n++) {
            List<String> args = new ArrayList<>();
            add(args, GLOBALS, random.nextInt(4), random);
            int command = random.nextInt(3);
            if (random.nextInt(20) > 0) {
                args.add(List.of("status", "stop", "start").get(command));
            }
            add(args, (n % 2 == 0 ? PLAIN : List.of(STATUS, STOP, START)).get(command), random.nextInt(5), random);
            add(args, GLOBALS, random.nextInt(2), random);
            if (compare(args.toArray(String[]::new))) {
                accepted++;
            }
        }
        // Not a fixed number (it depends on the pools), but the comparison must have had real cases.
        assertTrue(accepted > 150, "the fast path accepted " + accepted + " of 1500");
    }

    private static void add(List<String> args, String[] pool, int count, Random random) {
        for (int i = 0; i < count; i++) {
            args.add(pool[random.nextInt(pool.length)]);
        }
    }

    private static void assertAccepted(String... args) {
        assertTrue(compare(args), () -> "the fast path reads " + List.of(args));
    }

    /** True when the fast path accepted {@code args} (and picocli agreed field by field). */
    private static boolean compare(String... args) {
        Optional<BaseCommand> fast = FastPath.parse(args);
        Optional<List<String>> picocli = picocliFields(args);
        if (fast.isEmpty()) {
            return false;
        }
        assertEquals(picocli.map(Object::toString).orElse("<picocli rejects it or prints help>"),
                FastPath.describe(fast.get()).toString(), () -> "fields for " + List.of(args));
        return true;
    }

    /** The fields picocli fills in, or empty when it rejects the arguments or would print help or usage. */
    private static Optional<List<String>> picocliFields(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CommandLine cli = Main.commandLine(new CliContext(stream, stream, Map.of(), Path.of("/tmp"), false));
        CommandLine.ParseResult result;
        try {
            result = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        if (!result.hasSubcommand() || CommandLine.printHelpIfRequested(result)) {
            return Optional.empty();
        }
        CommandLine.ParseResult sub = result.subcommand();
        if (sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
            return Optional.empty();
        }
        return Optional.of(FastPath.describe((BaseCommand) sub.commandSpec().userObject()));
    }
}
