package dev.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolatorTest {
    private static final Interpolator.Lookup LOOKUP = ref -> {
        if (ref instanceof Interpolator.OwnPort) {
            return new Interpolator.Found("8080");
        }
        if (ref instanceof Interpolator.ServicePort sp) {
            return sp.service().equals("db") ? new Interpolator.Found("5432")
                    : new Interpolator.Missing("there is no service `" + sp.service() + "`", "hint");
        }
        String v = Map.of("HOME", "/home/u", "EMPTY", "").get(((Interpolator.Variable) ref).name());
        return v == null ? new Interpolator.Missing("it is not defined", "define it") : new Interpolator.Found(v);
    };

    private static Interpolator.Expansion expand(String template) {
        return Interpolator.expand(template, "services.api.command", LOOKUP);
    }

    @Test
    void expandsEveryKindOfReference() {
        Interpolator.Expansion e = expand("serve --port ${port} --db ${services.db.port} --home ${HOME}${EMPTY}");
        assertTrue(e.ok());
        assertEquals("serve --port 8080 --db 5432 --home /home/u", e.value());
    }

    @Test
    void dollarDollarIsALiteralDollarAndALoneDollarStays() {
        assertEquals("echo $HOME ${HOME} $1 $ 5$ $$", expand("echo $HOME $${HOME} $1 $ 5$ $$$$").value());
        assertEquals("awk '{print $1}'", expand("awk '{print $1}'").value());
        assertEquals("trailing $", expand("trailing $").value());
    }

    @Test
    void unknownReferencesAreFailuresNamingTheReference() {
        Interpolator.Expansion e = expand("x ${NOPE} ${services.web.port}");
        assertEquals(2, e.failures().size());
        assertEquals(ConfigError.Kind.UNKNOWN_REFERENCE, e.failures().get(0).kind());
        assertEquals("`services.api.command` refers to `${NOPE}`, but it is not defined", e.failures().get(0).message());
        assertTrue(e.failures().get(1).message().contains("${services.web.port}"));
    }

    @Test
    void unsupportedFormsAreUnknownReferencesWithAShellHint() {
        Interpolator.Expansion e = expand("${FOO:-bar} ${services.api.host} ${} ${ port }");
        assertEquals(4, e.failures().size());
        e.failures().forEach(f -> assertEquals(ConfigError.Kind.UNKNOWN_REFERENCE, f.kind()));
        assertTrue(e.failures().get(0).hint().contains("$${FOO:-bar}"));
    }

    @Test
    void unterminatedReferenceIsAnInvalidValue() {
        Interpolator.Expansion e = expand("serve ${port");
        assertEquals(List.of(ConfigError.Kind.INVALID_VALUE), e.failures().stream().map(Interpolator.Failure::kind).toList());
    }
}
