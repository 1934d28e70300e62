package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogMatcherTest {
    @Test
    void onlyTheFirstMatchingLineReportsTrue() {
        LogMatcher matcher = new LogMatcher(Pattern.compile("listening on port \\d+"));
        assertFalse(matcher.offer("starting up"));
        assertFalse(matcher.matched());
        assertTrue(matcher.offer("[info] listening on port 8080 (pid 42)"));
        assertTrue(matcher.matched());
        assertFalse(matcher.offer("listening on port 8081"));
        assertEquals(Optional.of("[info] listening on port 8080 (pid 42)"), matcher.matchedLine());
    }

    @Test
    void nothingMatchedYet() {
        LogMatcher matcher = new LogMatcher(Pattern.compile("ready"));
        assertEquals(Optional.empty(), matcher.matchedLine());
        assertFalse(matcher.matched());
    }

    @Test
    void colourCodesDoNotHideAMatch() {
        LogMatcher matcher = new LogMatcher(Pattern.compile("ready in \\d+ ms"));
        assertTrue(matcher.offer("  \u001B[32mVITE\u001B[0m ready in \u001B[1m312\u001B[22m ms"));
        assertEquals(Optional.of("  VITE ready in 312 ms"), matcher.matchedLine());
    }

    @Test
    void anchorsApplyToTheWholeLine() {
        LogMatcher matcher = new LogMatcher(Pattern.compile("^ready$"));
        assertFalse(matcher.offer("not ready"));
        assertTrue(matcher.offer("ready"));
    }

    @Test
    void concurrentOffersYieldExactlyOneTrue() throws InterruptedException {
        LogMatcher matcher = new LogMatcher(Pattern.compile("ready"));
        AtomicInteger firsts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> pumps = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread pump = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    if (matcher.offer(i % 10 == 0 ? "ready " + i : "noise " + i)) {
                        firsts.incrementAndGet();
                    }
                }
            });
            pump.start();
            pumps.add(pump);
        }
        go.countDown();
        for (Thread pump : pumps) {
            pump.join(10_000);
            assertFalse(pump.isAlive());
        }
        assertEquals(1, firsts.get());
        assertTrue(matcher.matchedLine().orElseThrow().startsWith("ready "));
    }
}
