package dev.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TomlLocatorTest {
    private static final Path FILE = Path.of("dev.toml");

    private static String at(Location l) {
        return l.line() + ":" + l.column();
    }

    @Test
    void tableHeadersAndTheirKeys() {
        SourceMap m = TomlLocator.scan("""
                # comment
                [project]
                name = "shop"

                  [ services . api ]   # spaced header
                command = "serve"
                """, FILE);
        assertEquals("2:1", at(m.table("project")));
        assertEquals("2:2", at(m.key("project")));
        assertEquals("3:1", at(m.key("project.name")));
        assertEquals("3:8", at(m.value("project.name")));
        assertEquals("5:3", at(m.table("services.api")));
        assertEquals("5:16", at(m.key("services.api")));
        assertEquals("5:5", at(m.key("services")));
        assertEquals("6:11", at(m.value("services.api.command")));
    }

    @Test
    void dottedAndQuotedKeys() {
        SourceMap m = TomlLocator.scan("""
                services.api.port = 80
                "services" . 'web' . "cmd\\u0041" = 1
                [services.api.env]
                "A.B" = "x"
                """, FILE);
        assertEquals("1:14", at(m.key("services.api.port")));
        assertEquals("1:21", at(m.value("services.api.port")));
        assertEquals("2:22", at(m.key("services.web.cmdA")));
        assertEquals("2:36", at(m.value("services.web.cmdA")));
        assertEquals("4:1", at(m.key("services.api.env.\"A.B\"")));
        assertEquals("4:9", at(m.value("services.api.env.\"A.B\"")));
    }

    @Test
    void inlineTablesAndArraysIncludingNestedAndMultiLine() {
        SourceMap m = TomlLocator.scan("""
                health = { http = "/h", interval = "2s", nested = { deep = [1, { x = 2 }] } }
                deps = [
                  "db",   # a comment with ] and , in it
                  'cache',
                  \"\"\"multi
                line\"\"\",
                  "last"
                ]
                after = 1
                """, FILE);
        assertEquals("1:10", at(m.table("health")));
        assertEquals("1:25", at(m.key("health.interval")));
        assertEquals("1:36", at(m.value("health.interval")));
        assertEquals("1:53", at(m.key("health.nested.deep")));
        assertEquals("1:60", at(m.value("health.nested.deep")));
        assertEquals("1:61", at(m.value("health.nested.deep[0]")));
        assertEquals("1:66", at(m.key("health.nested.deep[1].x")));
        assertEquals("3:3", at(m.value("deps[0]")));
        assertEquals("4:3", at(m.value("deps[1]")));
        assertEquals("5:3", at(m.value("deps[2]")));
        assertEquals("7:3", at(m.value("deps[3]")));
        assertEquals("9:1", at(m.key("after")));
    }

    @Test
    void stringsThatLookLikeSyntaxDoNotConfuseTheScanner() {
        SourceMap m = TomlLocator.scan("""
                a = "x # not a comment [b] = { \\" }"
                b = 'c:\\path\\#'
                c = '''it's ''''
                d = \"\"\"ends with quotes\"\"\"\"\"
                e = 1979-05-27 07:32:00   # a date with a space
                f = 2
                """, FILE);
        assertEquals("2:1", at(m.key("b")));
        assertEquals("3:1", at(m.key("c")));
        assertEquals("4:1", at(m.key("d")));
        assertEquals("5:5", at(m.value("e")));
        assertEquals("6:5", at(m.value("f")));
    }

    @Test
    void arrayTablesAreIndexed() {
        SourceMap m = TomlLocator.scan("""
                [[hooks]]
                run = "a"
                [[hooks]]
                run = "b"
                [hooks.env]
                X = "1"
                """, FILE);
        assertEquals("1:1", at(m.table("hooks[0]")));
        assertEquals("2:7", at(m.value("hooks[0].run")));
        assertEquals("3:1", at(m.table("hooks[1]")));
        assertEquals("4:7", at(m.value("hooks[1].run")));
        assertEquals("6:1", at(m.key("hooks[1].env.X")));
    }

    @Test
    void unknownPathsFallBackToTheNearestKnownAncestor() {
        SourceMap m = TomlLocator.scan("[services.api]\ncommand = \"x\"\n", FILE);
        assertEquals("1:1", at(m.value("services.api.health.interval")));
        assertFalse(TomlLocator.scan("", FILE).key("a.b").known());
        assertFalse(SourceMap.empty(FILE).value("services.api.command").known());
    }

    @Test
    void windowsLineEndingsKeepColumns() {
        SourceMap m = TomlLocator.scan("[a]\r\nx = 1\r\ny = 2\r\n", FILE);
        assertEquals("3:5", at(m.value("a.y")));
    }

    @Test
    void findsKeysAndTablesDefinedTwice() {
        TomlLocator.Redefinition key = TomlLocator.firstRedefinition("[s]\na = 1\nb = { a = 1, a = 2 }\n", FILE)
                .orElseThrow();
        assertEquals("s.b.a", key.path().toString());
        assertEquals("3:14", at(key.at()));
        assertFalse(key.table());

        TomlLocator.Redefinition table = TomlLocator.firstRedefinition("[s]\na = 1\n\n [s]\n", FILE).orElseThrow();
        assertTrue(table.table());
        assertEquals("4:2", at(table.at()));

        assertTrue(TomlLocator.firstRedefinition("[[x]]\na = 1\n[[x]]\na = 2\n", FILE).isEmpty());
    }

    @Test
    void unexpectedTextIsSkippedNotFatal() {
        SourceMap m = TomlLocator.scan("= = =\n[ok]\nk = 1\n", FILE);
        assertEquals("3:5", at(m.value("ok.k")));
    }
}
