package dev.process;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real /proc/net/tcp and tcp6 lines (as the kernel prints them) for port 8080 = 0x1F90. */
class ProcNetTcpTest {
    private static final String TCP = String.join("\n",
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 55123 1 "
                    + "000000009cde6ae3 100 0 0 10 0",
            "   1: 0100007F:1F90 0100007F:A2B4 01 00000000:00000000 00:00000000 00000000  1000        0 55124 1 "
                    + "0000000000000000 20 4 30 10 -1",
            "   2: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1047 1 "
                    + "000000009cde6ae3 100 0 0 10 0",
            "");
    private static final String TCP6 = String.join("\n",
            "  sl  local_address                         remote_address                        st tx_queue rx_queue "
                    + "tr tm->when retrnsmt   uid  timeout inode",
            "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A "
                    + "00000000:00000000 00:00000000 00000000   501        0 77001 1 0000000000000000 100 0 0 10 0");

    @Test
    void findsListenersOnThePortOnly() {
        assertEquals(List.of(new ProcNetTcp.Listener(55123, 1000)), ProcNetTcp.listeners(TCP, 8080),
                "the established connection (state 01) on the same port is not a listener");
        assertEquals(List.of(new ProcNetTcp.Listener(1047, 0)), ProcNetTcp.listeners(TCP, 2024));
        assertEquals(List.of(), ProcNetTcp.listeners(TCP, 8081));
    }

    @Test
    void readsIpv6Tables() {
        assertEquals(List.of(new ProcNetTcp.Listener(77001, 501)), ProcNetTcp.listeners(TCP6, 8080));
    }

    @Test
    void toleratesEmptyAndHeaderOnlyTables() {
        assertEquals(List.of(), ProcNetTcp.listeners("", 8080));
        assertEquals(List.of(), ProcNetTcp.listeners(TCP.lines().findFirst().orElseThrow(), 8080));
    }
}
