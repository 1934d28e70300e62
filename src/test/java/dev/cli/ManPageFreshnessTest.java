package dev.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generates man/man1 from the picocli model — picocli-codegen's ManPageGenerator writes AsciiDoc,
 * Asciidoctor's manpage backend turns it into troff — and checks that the committed pages are
 * exactly that; with {@code -Ddev.updateGenerated=true} it rewrites them (and removes pages of
 * commands that no longer exist). Asciidoctor runs on JRuby, whose start-up is most of this
 * test's few seconds; that is why it lives in a test and not in every build.
 */
class ManPageFreshnessTest {
    /**
     * The date every page carries. Fixed, so regenerating is byte-identical; move it forward when
     * the pages change meaningfully (a release).
     */
    static final String DOC_DATE = "2026-01-01";
    private static final Pattern FOOTER_EXIT_CODE = Pattern.compile("^\\s*(\\d+)\\s+(.+)$");
    private static final Pattern XREF = Pattern.compile("xref:([\\w.-]+)\\.adoc\\[([^\\]]*)\\]::");
    /** picocli renders an option with one short name and a value as "-C, DIR"; it is "-C=DIR". */
    private static final Pattern SHORT_OPTION_VALUE = Pattern.compile("(?m)^(\\*-[^*\\s]+\\*), (_[^_\\s]+_)::$");

    @Test
    void committedPagesAreCurrent() throws IOException {
        Path dir = CompletionFreshnessTest.Generated.projectDir().resolve("man/man1");
        Map<String, String> pages = generate();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            CompletionFreshnessTest.Generated.check(dir.resolve(page.getKey()), page.getValue());
        }
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> !pages.containsKey(f.getFileName().toString())).forEach(stale::add);
            }
        }
        if (CompletionFreshnessTest.Generated.updating()) {
            for (Path f : stale) {
                Files.delete(f);
            }
        } else {
            assertEquals(List.of(), stale, "man/man1 has pages no command generates; remove them with\n  "
                    + CompletionFreshnessTest.REGENERATE);
        }
    }

    /** Every exit code constant is documented in dev(1), which takes them from the root command's help footer. */
    @Test
    void theExitCodeSectionListsEveryExitCode() throws IllegalAccessException {
        Map<String, String> documented = exitCodes(root().getCommandSpec());
        TreeSet<String> constants = new TreeSet<>();
        for (Field f : ExitCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                constants.add(String.valueOf(f.getInt(null)));
            }
        }
        assertEquals(constants, new TreeSet<>(documented.keySet()));
    }

    /** Page file name → troff, for dev and each visible subcommand. */
    static Map<String, String> generate() throws IOException {
        CommandLine root = root();
        Map<String, String> adoc = new LinkedHashMap<>();
        for (CommandSpec spec : visible(root.getCommandSpec())) {
            adoc.put(spec.qualifiedName("-") + ".1", asciiDoc(spec, spec == root.getCommandSpec()));
        }
        Map<String, String> troff = new LinkedHashMap<>();
        // JRuby's JIT only slows a one-off run of a few documents (about 1.5 s of its start-up here).
        System.setProperty("jruby.compile.mode", "OFF");
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            Options options = Options.builder().backend("manpage").standalone(true).safe(SafeMode.SAFE)
                    .attributes(Attributes.builder().attribute("docdate", DOC_DATE).build())
                    .build();
            adoc.forEach((name, source) -> troff.put(name, asciidoctor.convert(source, options)));
        }
        return troff;
    }

    private static CommandLine root() {
        CommandLine root = Main.commandLine(CompletionFreshnessTest.Generated.inertContext());
        String[] version = root.getCommandSpec().version();
        for (CommandSpec spec : visible(root.getCommandSpec())) {
            // Terminal width must not leak into the pages (synopsis wrapping).
            spec.usageMessage().autoWidth(false).width(80);
            // Every page's footer names the version; subcommands have none of their own.
            spec.version(version);
        }
        return root;
    }

    private static List<CommandSpec> visible(CommandSpec spec) {
        List<CommandSpec> out = new ArrayList<>();
        out.add(spec);
        spec.subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (name.equals(s.name()) && !s.usageMessage().hidden()) {
                out.addAll(visible(s));
            }
        });
        return out;
    }

    /** The root's help footer ("Exit codes:" then "  0    success" …) as code → meaning. */
    private static Map<String, String> exitCodes(CommandSpec root) {
        assertTrue(root.usageMessage().footerHeading().contains("Exit codes"), root.usageMessage().footerHeading());
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : root.usageMessage().footer()) {
            Matcher m = FOOTER_EXIT_CODE.matcher(line);
            assertTrue(m.matches(), "not an exit code line in dev's help footer: " + line);
            codes.put(m.group(1), m.group(2).strip());
        }
        return codes;
    }

    private static String asciiDoc(CommandSpec spec, boolean isRoot) throws IOException {
        if (isRoot) {
            // The help footer lists the exit codes; in the man page they are a proper EXIT CODES section.
            spec.usageMessage().exitCodeListHeading("Exit codes%n").exitCodeList(exitCodes(spec))
                    .footerHeading("").footer();
        }
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        // Command lists link to the other pages' AsciiDoc sources; in troff the name says it all.
        String adoc = XREF.matcher(text.toString()).replaceAll("*$2*::");
        adoc = SHORT_OPTION_VALUE.matcher(adoc).replaceAll("$1=$2::");
        String end = "// end::picocli-generated-full-manpage[]";
        int at = adoc.lastIndexOf(end);
        assertTrue(at >= 0, "picocli's man page no longer ends with " + end);
        StringBuilder extra = new StringBuilder();
        if (isRoot) {
            Path sections = CompletionFreshnessTest.Generated.projectDir().resolve("man/sections/dev.adoc");
            extra.append(Files.readString(sections, StandardCharsets.UTF_8)).append('\n');
        }
        extra.append("== See also\n\n").append(seeAlso(spec, isRoot)).append("\n\n");
        return adoc.substring(0, at) + extra + adoc.substring(at);
    }

    private static String seeAlso(CommandSpec spec, boolean isRoot) {
        List<String> refs = new ArrayList<>();
        if (isRoot) {
            visible(spec).stream().skip(1).forEach(s -> refs.add("*" + s.qualifiedName("-") + "*(1)"));
        } else {
            refs.add("*" + spec.root().name() + "*(1)");
        }
        return String.join(", ", refs);
    }
}
