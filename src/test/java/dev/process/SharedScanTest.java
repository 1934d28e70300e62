package dev.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedScanTest {
    @Test
    void aCallerAlwaysGetsAScanThatBeganAfterItAsked() {
        AtomicInteger scans = new AtomicInteger();
        SharedScan shared = new SharedScan(() -> List.of(stat(scans.incrementAndGet())));

        assertEquals(1, shared.sinceNow().get(0).pid());
        assertEquals(2, shared.sinceNow().get(0).pid(), "a later question never gets an earlier answer");
        assertEquals(3, shared.sinceNow().get(0).pid());
    }

    @Test
    void callersWaitingWhileAScanRunsShareTheNextOne() throws Exception {
        AtomicInteger scans = new AtomicInteger();
        CountDownLatch firstScanRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstScan = new CountDownLatch(1);
        SharedScan shared = new SharedScan(() -> {
            int n = scans.incrementAndGet();
            if (n == 1) {
                firstScanRunning.countDown();
                await(releaseFirstScan);
            }
            return List.of(stat(n));
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<List<ProcStat>> first = pool.submit(shared::sinceNow);
            firstScanRunning.await(10, TimeUnit.SECONDS);
            List<Future<List<ProcStat>>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(pool.submit(shared::sinceNow));
            }
            Thread.sleep(100); // let them all queue behind the running scan (only speeds nothing up if they do not)
            releaseFirstScan.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS).get(0).pid());
            for (Future<List<ProcStat>> f : waiting) {
                assertEquals(2, f.get(10, TimeUnit.SECONDS).get(0).pid(),
                        "asked during scan 1, so scan 1 is too old for them; they share scan 2");
            }
            assertTrue(scans.get() == 2, "eight callers, one scan: " + scans.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProcStat stat(long pid) {
        return new ProcStat(pid, "x", 'S', 1, pid, pid, 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
