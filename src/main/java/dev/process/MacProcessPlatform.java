package dev.process;

import dev.config.Signal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * macOS (and any Unix without a Linux {@code /proc}): everything goes through the standard tools, which is why
 * it is slower — each query runs {@code ps} or {@code lsof}.
 *
 * <ul>
 *   <li>spawn: there is no setsid(1), so {@code perl -MPOSIX -e 'POSIX::setsid(); exec @ARGV'}
 *   ({@link SessionLauncher#perl}); perl ships with macOS.</li>
 *   <li>process table: {@code ps -A -ww -o pid=,ppid=,pgid=,stat=,lstart=,command=}. ps has no session id
 *   column on macOS ({@code sess} is a kernel pointer), so {@link ProcessInfo#sid()} is -1.</li>
 *   <li>start time: {@code lstart}, whole seconds; identities match within the same second
 *   ({@link StartTimes#sameSecond}).</li>
 *   <li>port holder: {@code lsof -nP -iTCP:PORT -sTCP:LISTEN -Fpc}. lsof shows only this user's processes
 *   unless run as root, so another user's listener is not found (portFree still reports the port in use).</li>
 *   <li>environment marker: {@code ps -A -E -ww}, which appends each of this user's processes' start-up
 *   environment to its command; best effort, see {@link PsOutput#pidsWithEnvEntry}.</li>
 * </ul>
 *
 * <p>Only {@code ps}, {@code lsof}, {@code perl} and {@code kill} are used, in forms Linux also accepts, so tests
 * exercise this class on Linux too (except {@code ps -E}, which is BSD-only).
 */
final class MacProcessPlatform implements ProcessPlatform {
    private static final Map<String, String> PARSEABLE = Map.of("LC_ALL", "C", "TZ", "UTC");
    private static final Duration PS_TIMEOUT = Duration.ofSeconds(10);

    private final SessionSpawner spawner;
    private final String lsof;

    MacProcessPlatform() {
        this.spawner = new SessionSpawner(SessionLauncher.findProgram("perl").map(SessionLauncher::perl), this::info);
        this.lsof = SessionLauncher.findProgram("lsof").map(Path::toString).orElse("/usr/sbin/lsof");
    }

    @Override
    public SpawnedProcess spawn(SpawnSpec spec) throws SpawnException {
        return spawner.spawn(spec);
    }

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        return Kill.group(pgid, signal);
    }

    @Override
    public boolean signalGroupThenContinue(long pgid, Signal signal) {
        return Kill.groupThenContinue(pgid, signal);
    }

    @Override
    public boolean signalProcess(long pid, Signal signal) {
        return Kill.process(pid, signal);
    }

    @Override
    public List<ProcessInfo> groupMembers(long pgid) {
        return allProcesses().stream().filter(p -> p.pgid() == pgid && !p.zombie()).collect(Collectors.toList());
    }

    @Override
    public boolean groupEmpty(long pgid) {
        return groupMembers(pgid).isEmpty();
    }

    @Override
    public Optional<ProcessInfo> info(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        ExternalCommand.Result result = ps(List.of("-ww", "-o", PsOutput.FORMAT, "-p", Long.toString(pid)));
        return PsOutput.parseAll(result.stdout()).stream().filter(p -> p.pid() == pid).findFirst();
    }

    @Override
    public Optional<Instant> startTime(long pid) {
        return info(pid).map(ProcessInfo::startTime);
    }

    @Override
    public boolean matches(ProcessIdentity id) {
        return info(id.pid()).filter(p -> !p.zombie())
                .map(p -> StartTimes.sameSecond(id.startTime(), p.startTime())).orElse(false);
    }

    @Override
    public Optional<PortHolder> portHolder(int port) {
        ExternalCommand.Result result = ExternalCommand.run(
                List.of(lsof, "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fpc"), PARSEABLE, PS_TIMEOUT);
        for (long pid : PsOutput.lsofPids(result.stdout())) {
            Optional<ProcessInfo> holder = info(pid);
            if (holder.isPresent()) {
                return Optional.of(new PortHolder(pid, holder.get().commandLine()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ProcessInfo> processesWithEnv(String key, String value) {
        ExternalCommand.Result result = ps(List.of("-A", "-E", "-ww", "-o", "pid=,command="));
        List<ProcessInfo> found = new ArrayList<>();
        for (long pid : PsOutput.pidsWithEnvEntry(result.stdout(), key + "=" + value)) {
            info(pid).filter(p -> !p.zombie()).ifPresent(found::add);
        }
        return found;
    }

    private List<ProcessInfo> allProcesses() {
        return PsOutput.parseAll(ps(List.of("-A", "-ww", "-o", PsOutput.FORMAT)).stdout());
    }

    private static ExternalCommand.Result ps(List<String> arguments) {
        List<String> argv = new ArrayList<>();
        argv.add("ps");
        argv.addAll(arguments);
        return ExternalCommand.run(argv, PARSEABLE, PS_TIMEOUT);
    }
}
