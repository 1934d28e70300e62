package dev.orchestrator;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Chooses the {@code port = "auto"} ports of one plan. Each is distinct from every other port of the plan
 * (fixed, kept or auto: a port found free and released can be found free again), and is taken from below
 * the ranges kernels hand out as source ports of outgoing connections (Linux 32768–60999, macOS
 * 49152–65535 by default). A port from the kernel's own "any free port" would come from exactly that
 * range, where a health probe's or a browser's connection can take it between planning and spawning.
 */
final class AutoPorts implements IntSupplier {
    static final int LOW = 20_000;
    static final int HIGH = 32_767;
    private static final int ATTEMPTS = 200;

    private final Set<Integer> taken;
    private final IntPredicate free;
    private final IntSupplier anyFreePort;
    private final RandomGenerator random;

    /**
     * @param planned     ports the plan already uses (fixed ones, ports kept over a restart)
     * @param free        whether a port can be listened on right now
     * @param anyFreePort the kernel's choice, used only if the whole low range seems busy
     */
    AutoPorts(Set<Integer> planned, IntPredicate free, IntSupplier anyFreePort, RandomGenerator random) {
        this.taken = new HashSet<>(planned);
        this.free = free;
        this.anyFreePort = anyFreePort;
        this.random = random;
    }

    @Override
    public int getAsInt() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOW, HIGH + 1);
            if (taken.add(port) && free.test(port)) {
                return port;
            }
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = anyFreePort.getAsInt();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found for port = \"auto\" after " + 2 * ATTEMPTS + " tries");
    }
}
