package dev.cli;

import dev.config.Config;
import dev.config.ResolveContext;
import dev.config.Resolver;
import dev.plan.PortAssignment;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate dev.toml and print the start plan: levels, ports, health checks, resolved commands.",
            "Exits 2 when the file has any error; every error is listed with its line and column."})
final class CheckCommand extends ConfigCommand {
    @Option(names = "--json", description = "Print the plan as JSON (schema in README).")
    boolean json;

    @Override
    protected int execute() throws Exception {
        Config config = loadConfig();
        // Auto ports are only chosen for real at start; show an example so commands read naturally.
        var ports = PortAssignment.assign(config, ProcessPlatform.current()::freePort);
        var resolved = Resolver.resolve(config, new ResolveContext(ports, context().env(), null, false));
        StartPlan plan = StartPlan.of(config, config.services().keySet(), resolved);
        if (json) {
            out().println(PlanJson.render(plan));
        } else {
            new PlanPrinter(out(), ansi(), displayDirectory()).print(plan);
        }
        return ExitCode.OK;
    }
}
