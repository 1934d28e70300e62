package dev.cli;

import dev.config.Config;
import dev.config.EnvValue;
import dev.config.ResolveContext;
import dev.config.ResolvedService;
import dev.config.Resolver;
import dev.plan.PortAssignment;
import dev.process.ProcessPlatform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Print the effective environment of a service and where each value came from.",
            "Values of secret-looking keys (*TOKEN*, *SECRET*, *PASSWORD*, *KEY*) are masked."})
final class EnvCommand extends ConfigCommand {
    static final String USER_ENV = "user environment";
    private static final Pattern SECRET = Pattern.compile("TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL");

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.", completionCandidates = ServiceNames.class)
    String service;

    @Option(names = "--show-secrets", description = "Print secret values instead of masking them.")
    boolean showSecrets;

    @Option(names = {"-a", "--all"}, description = "Also list variables inherited unchanged from your environment.")
    boolean all;

    @Override
    protected int execute() throws Exception {
        Config config = loadConfig();
        if (!config.services().containsKey(service)) {
            throw new UserException(ExitCode.USAGE, "no service '" + service + "' in "
                    + Main.relativize(displayDirectory(), config.project().file()),
                    "services: " + String.join(", ", config.services().keySet()));
        }
        var ports = PortAssignment.assign(config, ProcessPlatform.current()::freePort);
        // Only this service: a broken env_file of another service is not this one's problem.
        Map<String, ResolvedService> resolved = Resolver.resolve(config,
                new ResolveContext(ports, context().env(), "<run id>", false), List.of(service));
        ResolvedService s = resolved.get(service);
        int width = s.env().entrySet().stream().filter(e -> all || !USER_ENV.equals(e.getValue().source()))
                .mapToInt(e -> e.getKey().length() + 1 + shown(e.getKey(), e.getValue()).length()).max().orElse(0);
        int inherited = 0;
        for (Map.Entry<String, EnvValue> e : s.env().entrySet()) {
            if (!all && USER_ENV.equals(e.getValue().source())) {
                inherited++;
                continue;
            }
            String assignment = e.getKey() + "=" + shown(e.getKey(), e.getValue());
            out().println(String.format("%-" + Math.min(width, 60) + "s", assignment) + "  "
                    + ansi().dim("# " + e.getValue().source()));
        }
        if (inherited > 0) {
            out().println(ansi().dim("# + " + inherited + " variables inherited unchanged from your environment"
                    + " (--all lists them)"));
        }
        return ExitCode.OK;
    }

    private String shown(String key, EnvValue v) {
        if (showSecrets || !isSecret(key) || v.value().isEmpty()) {
            return v.value();
        }
        return "****";
    }

    static boolean isSecret(String key) {
        return SECRET.matcher(key.toUpperCase(Locale.ROOT)).find();
    }
}
