package dev.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated scripts complete for real in bash, zsh and fish: subcommands, options, enum values,
 * and service names read from the dev.toml found the way dev finds it (walking up, -f, -C).
 * zsh and fish are skipped when not installed (.ci/run installs them).
 */
class CompletionShellTest {
    /** A project whose dev.toml spells service names in every way the scan must understand. */
    static final String DEV_TOML = """
            services.early.command = "x"
            [project]
            name = "p"
            [services.db]
            command = "postgres"
            [services.db.env]
            A = "1"
            [ services . "api" ]
            command = "y"
            [services.'web-1']   # a comment
            command = "z"
            [services]
            cache = { command = "redis" }
            worker.command = "w"
              # [services.commented]
            [servicesx.not]
            [[services.arrays]]
            """;
    static final List<String> ALL = List.of("early", "db", "api", "web-1", "cache", "worker");

    @TempDir
    static Path dir;
    static Path project;
    static Path sub;

    @BeforeAll
    static void project() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        sub = Files.createDirectories(project.resolve("deep/er"));
        Files.writeString(project.resolve("dev.toml"), DEV_TOML);
        Files.writeString(dir.resolve("other.toml"), "[services.other]\ncommand = \"o\"\n");
    }

    static boolean installed(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a program, fails after 20 s, returns stdout lines. */
    static List<String> run(Path cwd, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "shell did not finish: " + command);
            assertEquals(0, p.exitValue(), "exit code of " + command + "; output: " + out);
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } finally {
            p.destroyForcibly();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Bash {
        private Path script;

        @BeforeAll
        void script() throws IOException {
            script = dir.resolve("dev.bash");
            Files.writeString(script, CompletionScripts.bash());
        }

        /** Completes the last word of {@code line} the way bash's programmable completion calls the function. */
        private List<String> complete(Path cwd, String... words) throws Exception {
            List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", """
                    source "$1" 2>/dev/null || exit 9
                    shift
                    COMP_WORDS=("$@")
                    COMP_CWORD=$(( $# - 1 ))
                    COMP_LINE="$*"
                    COMP_POINT=${#COMP_LINE}
                    _complete_dev 2>/dev/null
                    printf '%s\\n' "${COMPREPLY[@]}"
                    """, "bash", script.toString()));
            command.addAll(List.of(words));
            return run(cwd, command);
        }

        @Test
        void subcommandsOptionsAndChoices() throws Exception {
            assertEquals(List.of("start", "stop", "status"), complete(sub, "dev", "st"));
            assertEquals(List.of("--no-deps", "--no-color"), complete(sub, "dev", "start", "--no"));
            assertEquals(List.of("auto", "always", "never"), complete(sub, "dev", "--color", ""));
            assertEquals(List.of("bash", "zsh", "fish"), complete(sub, "dev", "completion", ""));
        }

        @Test
        void serviceNamesComeFromTheNearestDevToml() throws Exception {
            assertEquals(ALL, complete(sub, "dev", "start", ""));
            assertEquals(List.of("web-1", "worker"), complete(sub, "dev", "stop", "w"));
            assertEquals(List.of(), complete(sub, "dev", "env", "api", ""), "env takes one service");
            assertEquals(List.of(), complete(dir, "dev", "start", ""), "no dev.toml here or above");
        }

        @Test
        void fileAndDirectoryOptionsChooseTheDevToml() throws Exception {
            assertEquals(List.of("other"), complete(sub, "dev", "-f", dir.resolve("other.toml").toString(), "stop", ""));
            assertEquals(List.of("other"), complete(dir, "dev", "--file", "=", "other.toml", "restart", ""));
            assertEquals(List.of("other"), complete(project, "dev", "-C", "..", "-f", "other.toml", "status", ""));
            assertEquals(ALL, complete(dir, "dev", "-C", "project/deep", "start", ""));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Zsh {
        private Path functions;
        private Path driver;

        @BeforeAll
        void script() throws IOException {
            assumeTrue(installed("zsh"), "zsh is not installed (apt-get install zsh); skipping the zsh completion test");
            functions = Files.createDirectories(dir.resolve("zsh-functions"));
            Files.writeString(functions.resolve("_dev"), CompletionScripts.zsh());
            driver = dir.resolve("complete.zsh");
            Files.writeString(driver, ZSH_DRIVER);
        }

        /**
         * Types LINE and TAB into an interactive zsh in a pseudo-terminal (zpty), with compinit
         * loading _dev from $fpath, and prints every match that completion adds.
         */
        static final String ZSH_DRIVER = """
                zmodload zsh/zpty || exit 3
                zpty dz zsh -f -i
                zpty -w dz "PS1=''; RPS1=''; unsetopt beep; fpath=(${(q)1} \\$fpath); autoload -Uz compinit; compinit -u -D; cd ${(q)2}"
                # Every call that really adds matches (not the -O/-A/-D queries helpers make) reports them first.
                zpty -w dz 'compadd() { if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi; local -a m; builtin compadd -O m "$@"; (( $#m )) && print -rl -- "MATCH:"${^m}; builtin compadd "$@"; }'
                zpty -w dz 'comppostfuncs=(end_capture); end_capture() { print -r -- "END""CAPTURE"; }; print READY""NOW'
                integer deadline=$(( SECONDS + 15 ))
                local line
                integer ready=0
                while (( SECONDS < deadline )); do
                  if zpty -r -t dz line; then
                    [[ $line == *READYNOW* ]] && { ready=1; break }
                  else
                    sleep 0.02
                  fi
                done
                (( ready )) || { print -u2 "zsh did not start"; exit 4 }
                zpty -w -n dz "$3"$'\\t'
                while (( SECONDS < deadline )); do
                  if zpty -r -t dz line; then
                    [[ $line == *ENDCAPTURE* ]] && { zpty -d dz; exit 0 }
                    [[ $line == *MATCH:* ]] && print -r -- ${${line#*MATCH:}%%$'\\r'*}
                  else
                    sleep 0.02
                  fi
                done
                print -u2 "no completion within the deadline"
                zpty -d dz
                exit 5
                """;

        private List<String> complete(Path cwd, String line) throws Exception {
            return run(cwd, List.of("zsh", "-f", driver.toString(), functions.toString(), cwd.toString(), line));
        }

        @Test
        void subcommandsOptionsAndChoices() throws Exception {
            assertEquals(List.of("start", "stop", "status"), complete(sub, "dev st"));
            assertEquals(List.of("--no-deps", "--no-color"), complete(sub, "dev start --no"));
            assertEquals(List.of("auto", "always", "never"), complete(sub, "dev --color "));
            assertEquals(List.of("bash", "zsh", "fish"), complete(sub, "dev completion "));
        }

        @Test
        void serviceNamesComeFromTheDevTomlDevWouldUse() throws Exception {
            assertEquals(ALL, complete(sub, "dev start "));
            assertEquals(List.of("other"), complete(sub, "dev -f " + dir.resolve("other.toml") + " stop "));
            assertEquals(List.of("other"), complete(project, "dev -C .. --file=other.toml restart "));
            assertEquals(ALL, complete(dir, "dev -C project/deep env "));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Fish {
        private Path script;

        @BeforeAll
        void script() throws IOException {
            assumeTrue(installed("fish"), "fish is not installed (apt-get install fish); skipping the fish completion test");
            script = dir.resolve("dev.fish");
            Files.writeString(script, CompletionScripts.fish());
        }

        /** fish's own {@code complete -C LINE}: what TAB would offer, without a terminal. */
        private List<String> complete(Path cwd, String line) throws Exception {
            return run(cwd, List.of("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                    script.toString(), line)).stream().map(l -> l.split("\t")[0]).toList();
        }

        @Test
        void subcommandsOptionsAndChoices() throws Exception {
            assertEquals(List.of("start", "status", "stop"), complete(sub, "dev st"));
            assertEquals(List.of("--no-color", "--no-deps"), complete(sub, "dev start --no"));
            assertEquals(List.of("always", "auto", "never"), complete(sub, "dev --color "));
            assertEquals(List.of("bash", "fish", "zsh"), complete(sub, "dev completion "));
        }

        @Test
        void serviceNamesComeFromTheDevTomlDevWouldUse() throws Exception {
            List<String> sorted = ALL.stream().sorted().toList(); // fish sorts what it offers
            assertEquals(sorted, complete(sub, "dev start "));
            assertEquals(List.of(), complete(sub, "dev env api "), "env takes one service");
            assertEquals(List.of("other"), complete(sub, "dev -f " + dir.resolve("other.toml") + " stop "));
            assertEquals(List.of("other"), complete(project, "dev -C .. --file=other.toml restart "));
            assertEquals(sorted, complete(dir, "dev -C project/deep status "));
        }
    }
}
