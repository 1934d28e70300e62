package dev.process;

import dev.config.Signal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Linux: {@code /proc} for everything it can answer, {@code setsid(1)} to spawn, the shell's kill to signal. */
final class LinuxProcessPlatform implements ProcessPlatform {
    private static final long USUAL_CLOCK_TICKS = 100;
    /** The kernel's thread daemon: it and its children are kernel threads, with no environment to read. */
    private static final long KTHREADD = 2;
    /** Re-reads of an empty environment: an exec takes well under a millisecond, so 10 never all land in one. */
    private static final int ENVIRON_ATTEMPTS = 10;

    private final ProcFs proc;
    private final SessionSpawner spawner;
    private final SharedScan scans;

    LinuxProcessPlatform() {
        this(SessionLauncher.detectForServices());
    }

    /** With an explicit launcher: tests use this to exercise the perl launcher macOS relies on. */
    LinuxProcessPlatform(SessionLauncher launcher) {
        this(Optional.of(launcher));
    }

    private LinuxProcessPlatform(Optional<SessionLauncher> launcher) {
        this.proc = new ProcFs(Path.of("/proc"), clockTicksPerSecond());
        this.scans = new SharedScan(proc::allStats);
        this.spawner = new SessionSpawner(launcher, this::info);
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
        return proc.allStats().stream().filter(s -> s.pgrp() == pgid && !s.zombie()).map(proc::info)
                .collect(Collectors.toList());
    }

    @Override
    public boolean groupEmpty(long pgid) {
        // Called every few milliseconds per service while stopping. A leader still alive in its group answers
        // with one stat file; only a group whose leader is gone (or never led it) needs every process's. Ten
        // services stopping at once each read the whole process table every 10 ms, which kept two cores busy.
        if (proc.stat(pgid).filter(s -> s.pgrp() == pgid && !s.zombie()).isPresent()) {
            return false;
        }
        return scans.sinceNow().stream().noneMatch(s -> s.pgrp() == pgid && !s.zombie());
    }

    @Override
    public Optional<ProcessInfo> info(long pid) {
        return proc.stat(pid).map(proc::info);
    }

    @Override
    public Optional<Instant> startTime(long pid) {
        return proc.stat(pid).map(proc::startTime);
    }

    @Override
    public boolean matches(ProcessIdentity id) {
        return proc.stat(id.pid()).filter(s -> !s.zombie())
                .map(s -> StartTimes.sameLinuxStart(id.startTime(), proc.startTime(s), proc.tick()))
                .orElse(false);
    }

    @Override
    public Optional<PortHolder> portHolder(int port) {
        List<ProcNetTcp.Listener> listeners = new ArrayList<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            // tcp6 is absent when IPv6 is disabled
            proc.read(table).ifPresent(t -> listeners.addAll(ProcNetTcp.listeners(t, port)));
        }
        if (listeners.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> inodes = new HashSet<>();
        listeners.forEach(l -> inodes.add(l.inode()));
        // Pre-forking servers share the socket among workers; the lowest pid is normally the parent.
        for (long pid : proc.pids()) {
            if (proc.holdsSocket(pid, inodes)) {
                Optional<ProcessInfo> holder = info(pid);
                if (holder.isPresent()) {
                    return Optional.of(new PortHolder(pid, holder.get().commandLine()));
                }
            }
        }
        return Optional.of(new PortHolder(PortHolder.UNKNOWN_PID,
                "a process of uid " + listeners.get(0).uid() + " that this user cannot inspect"));
    }

    @Override
    public List<ProcessInfo> processesWithEnv(String key, String value) {
        byte[] entry = (key + "=" + value).getBytes(StandardCharsets.UTF_8);
        List<ProcessInfo> found = new ArrayList<>();
        List<Long> unread = new ArrayList<>();
        for (long pid : proc.pids()) {
            switch (proc.environContains(pid, entry)) {
                case CONTAINS -> proc.stat(pid).filter(s -> !s.zombie()).map(proc::info).ifPresent(found::add);
                case INCOMPLETE -> unread.add(pid);
                case LACKS -> {
                    // not of this run
                }
            }
        }
        // A process read in the middle of an exec shows no environment or a piece of it (a service going from
        // setsid to sh to its command, right after it was spawned). Look again, a millisecond apart, until it
        // shows a whole one; kernel threads (kthreadd, pid 2, and its children) never have one and are not
        // asked twice.
        for (long pid : unread) {
            proc.stat(pid).filter(s -> !s.zombie() && s.pid() != KTHREADD && s.ppid() != KTHREADD)
                    .filter(s -> environContainsAfterExec(pid, entry)).map(proc::info).ifPresent(found::add);
        }
        return found;
    }

    private boolean environContainsAfterExec(long pid, byte[] entry) {
        for (int attempt = 0; attempt < ENVIRON_ATTEMPTS; attempt++) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            ProcFs.EnvironMatch match = proc.environContains(pid, entry);
            if (match != ProcFs.EnvironMatch.INCOMPLETE) {
                return match == ProcFs.EnvironMatch.CONTAINS;
            }
        }
        return false; // started with an empty environment, so not with dev's marker either
    }

    /**
     * USER_HZ, the unit of the start times in {@code /proc/PID/stat}. The kernel hands it to every process in
     * its auxiliary vector, so reading {@code /proc/self/auxv} answers without spawning {@code getconf} — which
     * cost 10–20 ms of every {@code dev} command's startup.
     */
    private static long clockTicksPerSecond() {
        long fromAuxv = AuxiliaryVector.clockTicks(Path.of("/proc/self/auxv"));
        if (fromAuxv > 0) {
            return fromAuxv;
        }
        try {
            ExternalCommand.Result result = ExternalCommand.run(List.of("getconf", "CLK_TCK"));
            if (result.succeeded()) {
                return Long.parseLong(result.stdout().trim());
            }
        } catch (RuntimeException e) {
            // no getconf: fall through
        }
        // USER_HZ is 100 on every architecture Linux still supports except alpha
        return USUAL_CLOCK_TICKS;
    }
}
