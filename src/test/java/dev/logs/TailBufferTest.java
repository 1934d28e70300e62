package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailBufferTest {
    @Test
    void keepsTheLastLinesOldestFirst() {
        TailBuffer tail = new TailBuffer(3);
        assertEquals(List.of(), tail.last(5));
        tail.add("a");
        tail.add("b");
        assertEquals(List.of("a", "b"), tail.last(5));
        tail.add("c");
        tail.add("d");
        tail.add("e");
        assertEquals(List.of("c", "d", "e"), tail.last(10));
        assertEquals(List.of("d", "e"), tail.last(2));
        assertEquals(List.of(), tail.last(0));
        assertEquals(3, tail.size());
    }

    @Test
    void defaultsToTwoHundredLines() {
        TailBuffer tail = new TailBuffer();
        for (int i = 0; i < 1000; i++) {
            tail.add("line " + i);
        }
        List<String> last = tail.last(Integer.MAX_VALUE);
        assertEquals(200, last.size());
        assertEquals("line 800", last.get(0));
        assertEquals("line 999", last.get(199));
    }

    @Test
    void concurrentAddsLoseNothingThatShouldBeKept() throws InterruptedException {
        TailBuffer tail = new TailBuffer(4000);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    tail.add(id + ":" + i);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(4000, tail.last(5000).stream().distinct().count());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TailBuffer(0));
        assertThrows(IllegalArgumentException.class, () -> new TailBuffer(2).last(-1));
    }
}
