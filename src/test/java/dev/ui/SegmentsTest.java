package dev.ui;

import static dev.ui.Snapshots.NOW;
import static dev.ui.Snapshots.service;
import static dev.ui.Snapshots.svc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.Failure;
import dev.orchestrator.ServiceState;
import dev.ui.Segments.Detail;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    private final Segments segments = new Segments(Glyphs.UNICODE);
    private final Ansi colour = new Ansi(true);

    private String plain(Snapshots.Svc s, Detail detail) {
        return segments.service(s.build(), NOW, detail).plain();
    }

    @Test
    void eachStateHasItsSymbolAndWords() {
        assertEquals("● api :8080", plain(svc("api", ServiceState.HEALTHY).port(8080), Detail.FULL));
        assertEquals("● worker", plain(svc("worker", ServiceState.RUNNING), Detail.FULL));
        assertEquals("⠋ api 3s :8080", plain(svc("api", ServiceState.STARTING).port(8080), Detail.FULL));
        assertEquals("… web ← api,db", plain(svc("web", ServiceState.WAITING).waitingFor("api", "db"), Detail.FULL));
        assertEquals("· web", plain(svc("web", ServiceState.PENDING), Detail.FULL));
        assertEquals("✖ api unhealthy :8080", plain(svc("api", ServiceState.UNHEALTHY).port(8080), Detail.FULL));
        assertEquals("✖ api failed: port_in_use",
                plain(svc("api", ServiceState.FAILED).port(8080).failure(Failure.Kind.PORT_IN_USE, "8080 taken"), Detail.FULL));
        assertEquals("⠋ api stopping :8080", plain(svc("api", ServiceState.STOPPING).port(8080), Detail.FULL));
        assertEquals("■ api stopped", plain(svc("api", ServiceState.STOPPED).port(8080), Detail.FULL));
        assertEquals("✔ migrate", plain(svc("migrate", ServiceState.COMPLETED).task(), Detail.FULL));
        assertEquals("○ web skipped", plain(svc("web", ServiceState.SKIPPED), Detail.FULL));
    }

    @Test
    void lessDetailDropsPortsReasonsAndWaits() {
        Snapshots.Svc failed = svc("api", ServiceState.FAILED).port(8080).failure(Failure.Kind.EXITED, "exit code 1");
        assertEquals("✖ api failed", plain(failed, Detail.SHORT));
        assertEquals("✖ api", plain(failed, Detail.MINIMAL));
        Snapshots.Svc starting = svc("api", ServiceState.STARTING).port(8080).since(12);
        assertEquals("⠋ api 12s", plain(starting, Detail.SHORT));
        assertEquals("⠋ api", plain(starting, Detail.MINIMAL));
        assertEquals("… web", plain(svc("web", ServiceState.WAITING).waitingFor("api"), Detail.SHORT));
        assertEquals("■ api", plain(svc("api", ServiceState.STOPPED), Detail.SHORT));
        assertEquals("● api", plain(svc("api", ServiceState.HEALTHY).port(1), Detail.SHORT));
    }

    @Test
    void colourFollowsTheState() {
        assertEquals("\u001b[32m●\u001b[0m api\u001b[90m :8080\u001b[0m",
                segments.service(svc("api", ServiceState.HEALTHY).port(8080).build(), NOW, Detail.FULL).render(colour));
        assertEquals("\u001b[33m⠋\u001b[0m api\u001b[33m 3s\u001b[0m",
                segments.service(service("api", ServiceState.STARTING), NOW, Detail.FULL).render(colour));
        assertEquals("\u001b[31m✖\u001b[0m api\u001b[31m unhealthy\u001b[0m",
                segments.service(service("api", ServiceState.UNHEALTHY), NOW, Detail.FULL).render(colour));
        assertEquals("\u001b[2m…\u001b[0m\u001b[2m web\u001b[0m\u001b[2m ← api\u001b[0m",
                segments.service(svc("web", ServiceState.WAITING).waitingFor("api").build(), NOW, Detail.FULL).render(colour));
        assertEquals("\u001b[90m■\u001b[0m\u001b[90m api\u001b[0m\u001b[90m stopped\u001b[0m",
                segments.service(service("api", ServiceState.STOPPED), NOW, Detail.FULL).render(colour));
        assertEquals("\u001b[90m✔\u001b[0m\u001b[90m migrate\u001b[0m",
                segments.service(service("migrate", ServiceState.COMPLETED), NOW, Detail.FULL).render(colour));
    }

    @Test
    void optionalServicesAreDimmed() {
        String failed = segments.service(svc("mailer", ServiceState.FAILED).optional()
                .failure(Failure.Kind.EXITED, "1").build(), NOW, Detail.FULL).render(colour);
        assertEquals("\u001b[2;31m✖\u001b[0m\u001b[2m mailer\u001b[0m\u001b[2;31m failed: exited\u001b[0m", failed);
        String healthy = segments.service(svc("mailer", ServiceState.HEALTHY).optional().build(), NOW, Detail.FULL)
                .render(colour);
        assertEquals("\u001b[2;32m●\u001b[0m\u001b[2m mailer\u001b[0m", healthy);
    }

    @Test
    void withoutColourThereIsNoEscape() {
        for (ServiceState state : ServiceState.values()) {
            String text = segments.service(svc("x", state).port(1).optional().build(), NOW, Detail.FULL).render(new Ansi(false));
            assertTrue(text.indexOf('\u001b') < 0, text);
        }
    }

    @Test
    void theSpinnerTurnsWithTheClock() {
        var s = service("api", ServiceState.STARTING);
        assertEquals("⠋", segments.service(s, NOW, Detail.MINIMAL).parts().get(0).text());
        assertEquals("⠙", segments.service(s, NOW.plusMillis(100), Detail.MINIMAL).parts().get(0).text());
        assertEquals("⠋", segments.service(s, NOW.plusMillis(1000), Detail.MINIMAL).parts().get(0).text());
        assertEquals("|", new Segments(Glyphs.ASCII).service(s, NOW, Detail.MINIMAL).parts().get(0).text());
    }

    @Test
    void elapsedIsWholeSecondsThenMinutes() {
        assertEquals("0s", Segments.elapsed(svc("a", ServiceState.STARTING).since(0).build(), NOW));
        assertEquals("99s", Segments.elapsed(svc("a", ServiceState.STARTING).since(99).build(), NOW));
        assertEquals("1m", Segments.elapsed(svc("a", ServiceState.STARTING).since(100).build(), NOW));
        assertEquals("0s", Segments.elapsed(svc("a", ServiceState.STARTING).since(-5).build(), NOW), "clock skew");
    }

    @Test
    void overallCountsRequiredServicesOnly() {
        var ok = Snapshots.stack(service("db", ServiceState.HEALTHY), service("migrate", ServiceState.COMPLETED),
                svc("mailer", ServiceState.FAILED).optional().build());
        assertEquals("ok 2/2", segments.overall(ok).plain());
        assertEquals("\u001b[1;32mok\u001b[0m\u001b[32m 2/2\u001b[0m", segments.overall(ok).render(colour));
        var starting = Snapshots.stack(service("db", ServiceState.HEALTHY), service("api", ServiceState.STARTING));
        assertEquals("starting 1/2", segments.overall(starting).plain());
        var failing = Snapshots.stack(service("db", ServiceState.FAILED), service("api", ServiceState.WAITING));
        assertEquals("failing 0/2", segments.overall(failing).plain());
        var unhealthy = Snapshots.stack(service("db", ServiceState.UNHEALTHY));
        assertEquals("failing 0/1", segments.overall(unhealthy).plain());
        assertEquals("stopping", segments.overall(Snapshots.stopping(service("db", ServiceState.STOPPING))).plain());
        assertEquals("ok", segments.overall(Snapshots.stack(svc("x", ServiceState.FAILED).optional().build())).plain(),
                "nothing required: nothing to count");
    }
}
