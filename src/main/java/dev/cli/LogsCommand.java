package dev.cli;

import dev.logs.LogEntry;
import dev.logs.LogFiles;
import dev.logs.LogFilter;
import dev.logs.LogFollower;
import dev.logs.LogFormatter;
import dev.logs.LogQuery;
import dev.logs.LogRecord;
import dev.run.RunDirectory;
import dev.run.RunState;
import dev.run.StateFile;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print services' logs from .dev/logs: the last lines of each, merged in time order with"
                + " service-name prefixes; -f keeps following (across rotation and restarts).",
            "Works with the stack stopped."})
final class LogsCommand extends BaseCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "Services to show (default: all that have logs).")
    List<String> services = new ArrayList<>();

    @Option(names = "-n", paramLabel = "N", defaultValue = "100", description = "Last N lines per service (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are written.")
    boolean follow;

    @Option(names = "--since", paramLabel = "DUR|TIME", description = "Only lines since 10m, 2h, or an ISO date-time.")
    String since;

    @Option(names = "--timestamps", description = "Show each line's timestamp.")
    boolean timestamps;

    @Option(names = "--grep", paramLabel = "REGEX", description = "Only lines matching REGEX.")
    String grep;

    @Option(names = "--stream", paramLabel = "out|err", description = "Only stdout or stderr lines.")
    String stream;

    @Option(names = "--no-prefix", description = "No service-name prefixes.")
    boolean noPrefix;

    /** Only the long form here: -f is follow. */
    @Option(names = "--file", paramLabel = "FILE", description = "Config file (default: the nearest dev.toml).")
    java.nio.file.Path file;

    @Override
    protected java.nio.file.Path fileOption() {
        return file;
    }

    @Override
    protected int execute() throws Exception {
        if (lines < 0) {
            throw new UserException(ExitCode.USAGE, "-n must be 0 or more, not " + lines, "e.g. -n 50");
        }
        LogFilter filter = new LogFilter(parseSince(), parseGrep(), parseStream());
        RunDirectory run = runDirectory();
        List<String> names = serviceNames(run);
        if (names.isEmpty() && !follow) {
            out().println("no logs yet in " + Main.relativize(context().workingDirectory(), run.logs()));
            return ExitCode.OK;
        }
        LogFormatter formatter = new LogFormatter(names,
                new LogFormatter.Options(!noPrefix, timestamps, root.colorEnabled(), ZoneId.systemDefault()));
        PrintStream out = out();
        LogQuery.Result result = LogQuery.last(run.logs(), names, lines, filter);
        for (LogEntry e : result.entries()) {
            out.println(formatter.format(e));
            if (out.checkError()) {
                return ExitCode.OK; // reader went away (dev logs | head): stop quietly
            }
        }
        out.flush();
        if (!follow) {
            return ExitCode.OK;
        }
        CountDownLatch readerGone = new CountDownLatch(1);
        try (LogFollower follower = LogFollower.start(run.logs(), result.ends(), filter, (service, record) -> {
            out.println(formatter.format(service, record));
            if (out.checkError()) {
                readerGone.countDown();
            }
        })) {
            readerGone.await(); // until the pipe closes or Ctrl-C ends the JVM
        }
        return ExitCode.OK;
    }

    /** Named services, else the run's services in declaration order, else every service with a log file. */
    private List<String> serviceNames(RunDirectory run) throws java.io.IOException {
        if (!services.isEmpty()) {
            List<String> known = LogFiles.services(run.logs());
            for (String s : services) {
                if (!known.contains(s) && !follow) {
                    throw new UserException(ExitCode.USAGE, "no logs for '" + s + "'",
                            known.isEmpty() ? "nothing has run here yet" : "services with logs: " + String.join(", ", known));
                }
            }
            return List.copyOf(new LinkedHashSet<>(services));
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            Optional<RunState> state = StateFile.read(run.stateFile());
            state.ifPresent(s -> s.services().forEach(x -> names.add(x.name())));
        } catch (IllegalArgumentException e) {
            // an unreadable state only costs the declaration order
        }
        names.addAll(LogFiles.services(run.logs()));
        return List.copyOf(names);
    }

    private Instant parseSince() {
        if (since == null) {
            return null;
        }
        try {
            return LogQuery.parseSince(since, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage(), "use 10m, 2h, 1h30m or 2026-11-22T09:15:00");
        }
    }

    private Pattern parseGrep() {
        if (grep == null) {
            return null;
        }
        try {
            return Pattern.compile(grep);
        } catch (PatternSyntaxException e) {
            throw new UserException(ExitCode.USAGE, "invalid --grep regex: " + e.getDescription() + " in '" + grep + "'",
                    "Java regex syntax, e.g. --grep 'ERROR|WARN'");
        }
    }

    private LogRecord.Stream parseStream() {
        if (stream == null) {
            return null;
        }
        return switch (stream) {
            case "out" -> LogRecord.Stream.OUT;
            case "err" -> LogRecord.Stream.ERR;
            default -> throw new UserException(ExitCode.USAGE, "invalid --stream '" + stream + "'", "use out or err");
        };
    }
}
