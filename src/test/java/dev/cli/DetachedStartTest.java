package dev.cli;

import static dev.cli.RunProject.readyService;
import static dev.cli.RunProject.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev start -d} and {@code --wait}: one owner per project, and the three ways a wait ends. */
class DetachedStartTest {
    private static final String SLEEPERS = """
            [project]
            stop_timeout = "2s"
            [services.db]
            %s
            [services.api]
            %s
            depends_on = ["db"]
            """.formatted(readyService(Fixtures.withGrandchild()), readyService(Fixtures.sleeper()));

    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void twoSimultaneousStartsRunExactlyOneAndTheOtherNamesTheOwner() throws Exception {
        project = new RunProject(temp.resolve("race")).write(SLEEPERS);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<RunCli.Result>> starts = List.of(launchOn(go), launchOn(go));
        go.countDown();
        RunCli.Result a = starts.get(0).get();
        RunCli.Result b = starts.get(1).get();

        RunCli.Result won = a.code() == 0 ? a : b;
        RunCli.Result lost = won == a ? b : a;
        assertEquals(0, won.code(), () -> a + "\n" + b);
        assertEquals(4, lost.code(), () -> a + "\n" + b);
        long owner = project.orchestratorPid();
        assertTrue(lost.errText().contains("pid " + owner), lost::toString);
        assertTrue(lost.errText().contains("dev stop"), lost::toString);
        assertEquals(List.of("dev started in the background (orchestrator pid " + owner + ")",
                "  see it: dev status · follow logs: dev logs -f · stop it: dev stop"), won.out(),
                "the winner shows neither the loser's error nor its own progress lines");
        Await.until(Duration.ofSeconds(10), () -> orchestrators().size() == 1,
                () -> "exactly one orchestrator: " + RunProject.describe(orchestrators()));

        RunCli.Result again = project.dev("start");
        assertEquals(4, again.code(), again::toString);
        assertTrue(again.errText().contains("already running") && again.errText().contains("pid " + owner)
                && again.errText().contains("dev stop"), again::toString);
        assertTrue(Processes.alive(owner), "a refused start leaves the running one alone");
        RunCli.Result stop = project.dev("stop");
        assertEquals(0, stop.code(), stop::toString);
    }

    @Test
    void waitReturnsOnceUpAndPrintsTheUrls() {
        project = new RunProject(temp.resolve("up")).write("""
                [services.web]
                command = %s
                port = "auto"
                health = { http = "/" }
                """.formatted(str(Fixtures.command("--port", "${port}"))));

        RunCli.Result start = project.dev("start", "--wait");

        assertEquals(0, start.code(), start::toString);
        int port = project.state().orElseThrow().path("services").path(0).path("port").asInt();
        assertTrue(start.outText().contains("stack is up") && start.outText().contains("http://127.0.0.1:" + port + "/"),
                start::toString);
        RunCli.Result status = project.dev("status", "-q");
        assertEquals(0, status.code(), "the stack keeps running after --wait returns");
        assertEquals(0, project.dev("stop").code());
    }

    @Test
    void waitFailsWithTheReportWhenARequiredServiceCrashes() {
        project = new RunProject(temp.resolve("crash")).write("""
                [services.db]
                %s
                [services.api]
                command = "echo 'cannot open config.yml' >&2; exit 3"
                depends_on = ["db"]
                """.formatted(readyService(Fixtures.sleeper())));

        RunCli.Result start = project.dev("start", "--wait");

        assertEquals(1, start.code(), start::toString);
        String all = start.outText() + "\n" + start.errText();
        assertTrue(all.contains("api") && all.contains("cannot open config.yml"), start::toString);
        assertTrue(start.errText().contains("did not come up"), start::toString);
        assertTrue(Processes.alive(project.servicePid("db")), "the rest is left running for 'dev restart'");
        assertEquals(0, project.dev("stop").code());
    }

    @Test
    void waitTimesOutWith124AndLeavesTheStackRunning() {
        project = new RunProject(temp.resolve("slow")).write("""
                [services.slow]
                command = %s
                health = { log = "never printed" }
                """.formatted(str(Fixtures.sleeper())));

        long began = System.nanoTime();
        RunCli.Result start = project.dev("start", "--wait", "--timeout", "1s");
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertEquals(124, start.code(), start::toString);
        assertTrue(start.errText().contains("timed out"), start::toString);
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "gave up after its timeout: " + took);
        RunCli.Result status = project.dev("status", "--json");
        assertEquals(1, status.code(), status::toString);
        assertEquals("starting", RunProject.parse(status.outText()).path("services").path(0).path("state").asText(),
                status::toString);
        RunCli.Result stop = project.dev("stop");
        assertEquals(0, stop.code(), stop::toString);
        assertEquals(3, project.dev("status", "-q").code());
    }

    @Test
    void startOverAStaleRunReapsItsLeftoversFirstAndSaysSo() {
        project = new RunProject(temp.resolve("stale")).write(SLEEPERS);
        assertEquals(0, project.dev("start", "--wait").code());
        String oldRun = project.runId();
        long oldOrchestrator = project.orchestratorPid();
        long oldDb = project.servicePid("db");
        long watchdog = RunProject.watchdogOf(oldOrchestrator);
        StopCommandTest.signal("KILL", watchdog);
        Await.until(Duration.ofSeconds(3), () -> !Processes.alive(watchdog), "the watchdog dies");
        StopCommandTest.signal("KILL", oldOrchestrator);
        Await.until(Duration.ofSeconds(3), () -> !Processes.alive(oldOrchestrator), "the orchestrator dies");
        assertTrue(Processes.alive(oldDb), "leftovers exist");

        RunCli.Result start = project.dev("start", "--wait");

        assertEquals(0, start.code(), start::toString);
        assertTrue(start.outText().contains("stopped leftovers of a previous run")
                && start.outText().contains("pid " + oldOrchestrator), start::toString);
        assertEquals(Set.of(), RunProject.runProcesses(oldRun), () -> RunProject.describe(RunProject.runProcesses(oldRun)));
        assertNotEquals(oldRun, project.runId());
        assertTrue(Processes.alive(project.servicePid("db")));
        assertEquals(0, project.dev("stop").code());
    }

    private CompletableFuture<RunCli.Result> launchOn(CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return project.dev("start", "-d");
        });
    }

    /** Background orchestrators of this project (the {@code -d} child processes). */
    private Set<Long> orchestrators() {
        Set<Long> all = project.everything();
        all.removeIf(pid -> !RunProject.commandLine(pid).contains("--detached-child"));
        return all;
    }
}
