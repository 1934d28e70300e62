package dev.process;

import java.util.List;
import java.util.function.Supplier;

/**
 * Lets concurrent callers share one scan of the process table. A caller gets a scan that <em>began after</em> it
 * asked — so the answer is never older than the question, and a process group created just before still shows —
 * but callers waiting while a scan runs share the next one instead of each reading every process again. When
 * many services stop at once, each stopper polls "is my group empty?" every few milliseconds; without sharing,
 * ten of them kept two cores busy re-reading the same stat files.
 */
final class SharedScan {
    private final Supplier<List<ProcStat>> scan;
    private long lastStarted;
    private List<ProcStat> last; // null until the first scan

    SharedScan(Supplier<List<ProcStat>> scan) {
        this.scan = scan;
    }

    /** Every process's stat, as read by a scan that started no earlier than this call. */
    List<ProcStat> sinceNow() {
        long asked = System.nanoTime();
        synchronized (this) {
            if (last != null && lastStarted - asked >= 0) {
                return last; // began while this caller waited for the lock: as fresh as the question
            }
            long started = System.nanoTime();
            last = List.copyOf(scan.get());
            lastStarted = started;
            return last;
        }
    }
}
