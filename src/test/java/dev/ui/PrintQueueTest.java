package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ui.PrintQueue.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintQueueTest {
    private static List<Item> drain(PrintQueue q) throws InterruptedException {
        List<Item> items = new ArrayList<>();
        Item item;
        while ((item = q.poll(Duration.ZERO)) != null) {
            items.add(item);
        }
        return items;
    }

    @Test
    void keepsArrivalOrderAcrossServiceAndDevLines() throws InterruptedException {
        PrintQueue q = new PrintQueue(10);
        q.service("api", "listening");
        q.dev("api healthy");
        q.service("web", "ready");
        assertEquals(List.of(new Item.ServiceLine("api", "listening"), new Item.DevLine("api healthy"),
                new Item.ServiceLine("web", "ready")), drain(q));
        assertTrue(q.isEmpty());
    }

    @Test
    void dropsServiceLinesBeyondTheBoundAndSaysHowMany() throws InterruptedException {
        PrintQueue q = new PrintQueue(3);
        for (int i = 1; i <= 10; i++) {
            q.service("api", "line " + i);
        }
        q.dev("never dropped");
        List<Item> items = drain(q);
        assertEquals(List.of(new Item.Skipped(7), new Item.ServiceLine("api", "line 1"), new Item.ServiceLine("api", "line 2"),
                new Item.ServiceLine("api", "line 3"), new Item.DevLine("never dropped")), items);
    }

    @Test
    void devLinesAreNeverDropped() throws InterruptedException {
        PrintQueue q = new PrintQueue(1);
        q.service("api", "x");
        for (int i = 0; i < 100; i++) {
            q.dev("dev " + i);
        }
        assertEquals(101, drain(q).size());
    }

    @Test
    void roomComesBackAsTheConsumerCatchesUp() throws InterruptedException {
        PrintQueue q = new PrintQueue(2);
        q.service("a", "1");
        q.service("a", "2");
        q.poll(Duration.ZERO);
        q.service("a", "3");
        assertEquals(List.of(new Item.ServiceLine("a", "2"), new Item.ServiceLine("a", "3")), drain(q));
    }

    @Test
    void aWakeReturnsAWaitingPollAtOnce() throws InterruptedException {
        PrintQueue q = new PrintQueue(2);
        Thread waker = new Thread(q::wake);
        waker.start();
        long started = System.nanoTime();
        Item item = q.poll(Duration.ofSeconds(30));
        assertEquals(new Item.Wake(), item);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
        waker.join();
        assertNull(q.poll(Duration.ofMillis(1)));
    }

    @Test
    void skippedMessageCountsLines() {
        assertEquals("… terminal too slow: skipped 1 line (all of them are in .dev/logs)", PrintQueue.skippedMessage(1));
        assertEquals("… terminal too slow: skipped 5 lines (all of them are in .dev/logs)", PrintQueue.skippedMessage(5));
        assertThrows(IllegalArgumentException.class, () -> new PrintQueue(0));
    }
}
