package dev.ui;

import static dev.ui.Snapshots.NOW;
import static dev.ui.Snapshots.service;
import static dev.ui.Snapshots.svc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logs.AnsiStripper;
import dev.orchestrator.Failure;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRendererTest {
    private final StatusRenderer plain = new StatusRenderer(new Segments(Glyphs.UNICODE), new Ansi(false));
    private final StatusRenderer coloured = new StatusRenderer(new Segments(Glyphs.UNICODE), new Ansi(true));

    private static StackSnapshot demo() {
        return Snapshots.stack(
                service("fetch", ServiceState.COMPLETED),
                svc("db", ServiceState.HEALTHY).port(5432).build(),
                service("migrate", ServiceState.COMPLETED),
                svc("api", ServiceState.STARTING).port(8080).since(2).build(),
                svc("web", ServiceState.WAITING).port(5173).waitingFor("api").build(),
                svc("mailer", ServiceState.FAILED).optional().failure(Failure.Kind.EXITED, "exit code 1").build());
    }

    @Test
    void oneLineWhenItFits() {
        assertEquals(List.of("starting 3/5 │ ✔ fetch  ● db :5432  ✔ migrate  ⠋ api 2s :8080  … web ← api"
                        + "  ✖ mailer failed: exited"),
                plain.render(demo(), NOW, 120, 3));
    }

    @Test
    void everythingUpIsOk() {
        StackSnapshot up = Snapshots.stack(svc("db", ServiceState.HEALTHY).port(5432).build(),
                service("migrate", ServiceState.COMPLETED), svc("api", ServiceState.HEALTHY).port(8080).build());
        assertEquals(List.of("ok 3/3 │ ● db :5432  ✔ migrate  ● api :8080"), plain.render(up, NOW, 80, 1));
    }

    @Test
    void wrapsBeforeItAbbreviates() {
        assertEquals(List.of(
                "starting 3/5 │ ✔ fetch  ● db :5432  ✔ migrate  ⠋ api 2s :8080",
                "               … web ← api  ✖ mailer failed: exited"), plain.render(demo(), NOW, 62, 3));
        assertEquals(List.of(
                "starting 3/5 │ ✔ fetch  ● db :5432  ✔ migrate",
                "               ⠋ api 2s :8080  … web ← api",
                "               ✖ mailer failed: exited"), plain.render(demo(), NOW, 60, 3));
    }

    @Test
    void abbreviatesWhenWrappingIsNotEnough() {
        assertEquals(List.of("starting 3/5 │ ✔ fetch  ● db  ✔ migrate  ⠋ api 2s  … web  ✖ mailer failed"),
                plain.render(demo(), NOW, 75, 1));
        assertEquals(List.of("starting 3/5 │ ✔ fetch  ● db  ✔ migrate  ⠋ api  … web  ✖ mailer"),
                plain.render(demo(), NOW, 63, 1));
        assertEquals(List.of("starting 3/5 │ ● 3 up  ⠋ api  … web  ✖ mailer"), plain.render(demo(), NOW, 62, 1));
    }

    @Test
    void manyServicesFoldTheHealthyOnesIntoACount() {
        List<ServiceSnapshot> services = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            services.add(svc(String.format("svc%02d", i), ServiceState.HEALTHY).port(9000 + i).build());
        }
        services.add(svc("late", ServiceState.STARTING).since(4).build());
        services.add(svc("broken", ServiceState.FAILED).failure(Failure.Kind.EXITED, "1").build());
        StackSnapshot s = Snapshots.stack(services.toArray(ServiceSnapshot[]::new));
        assertEquals(List.of("failing 30/32 │ ● 30 up  ⠋ late  ✖ broken"), plain.render(s, NOW, 100, 2));
    }

    @Test
    void whatDoesNotFitAtAllIsCountedAsMore() {
        List<ServiceSnapshot> services = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            services.add(svc("waiting-service-" + i, ServiceState.WAITING).waitingFor("db").build());
        }
        List<String> lines = plain.render(Snapshots.stack(services.toArray(ServiceSnapshot[]::new)), NOW, 80, 2);
        assertEquals(2, lines.size());
        assertEquals("starting 0/40 │ … waiting-service-1  … waiting-service-2  … waiting-service-3", lines.get(0));
        assertEquals("                … waiting-service-4  … waiting-service-5  +35 more", lines.get(1));
    }

    @Test
    void noLineIsEverWiderThanAsked() {
        for (int count : new int[] {0, 1, 3, 12, 35}) {
            List<ServiceSnapshot> services = new ArrayList<>();
            ServiceState[] states = ServiceState.values();
            for (int i = 0; i < count; i++) {
                services.add(svc("service-number-" + i, states[i % states.length]).port(10_000 + i).waitingFor("db")
                        .failure(Failure.Kind.HEALTH_TIMEOUT, "no answer").build());
            }
            StackSnapshot s = Snapshots.stack(services.toArray(ServiceSnapshot[]::new));
            for (int width = 1; width <= 140; width++) {
                for (int max = 1; max <= 3; max++) {
                    List<String> lines = coloured.render(s, NOW, width, max);
                    assertTrue(!lines.isEmpty() && lines.size() <= max, count + " services, width " + width + ": " + lines);
                    for (String line : lines) {
                        int visible = TerminalText.width(AnsiStripper.strip(line));
                        assertTrue(visible <= width, "width " + width + ", " + count + " services: '" + line + "' is " + visible);
                    }
                }
            }
        }
    }

    @Test
    void colouredLineCarriesTheSameText() {
        List<String> lines = coloured.render(demo(), NOW, 120, 3);
        assertEquals(plain.render(demo(), NOW, 120, 3), lines.stream().map(AnsiStripper::strip).toList());
        assertTrue(lines.get(0).contains("\u001b[32m●\u001b[0m db"), lines.get(0));
    }

    @Test
    void hintNamesTheKeys() {
        KeyHint hint = new KeyHint(true, "stop", null, null, List.of("db", "api"));
        assertEquals("r restart  l logs: all  q stop", plain.hint(hint, 80));
        assertEquals("r restart  l logs: api  q stop", plain.hint(new KeyHint(true, "stop", "api", null, List.of("db", "api")), 80));
        assertEquals("r restart  q stop watching", plain.hint(new KeyHint(false, "stop watching", null, null, List.of()), 80));
        assertEquals("r restart  l logs: a…", plain.hint(hint, 21));
        assertEquals("\u001b[1mr\u001b[0m\u001b[2m restart\u001b[0m  \u001b[1mq\u001b[0m\u001b[2m stop\u001b[0m",
                coloured.hint(new KeyHint(false, "stop", null, null, List.of()), 80));
    }

    @Test
    void theRestartPromptShowsWhatWasTypedAndTheNumbers() {
        KeyHint prompt = new KeyHint(true, "stop", null, "ap", List.of("db", "api"));
        assertEquals("restart › ap▏  Enter restarts, Esc cancels  1 db 2 api", plain.hint(prompt, 80));
        assertEquals("restart › ap▏  Enter…", plain.hint(prompt, 21));
    }
}
