package dev.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Listening sockets from Linux {@code /proc/net/tcp} and {@code /proc/net/tcp6}. Each line after the header is
 * {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …}; addresses are
 * {@code HEXADDR:HEXPORT} and state {@code 0A} is LISTEN.
 */
final class ProcNetTcp {
    private static final String LISTEN = "0A";
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;
    private static final int UID = 7;
    private static final int INODE = 9;

    /** A listening socket: the inode links it to the processes holding it in {@code /proc/PID/fd}. */
    record Listener(long inode, int uid) {
    }

    private ProcNetTcp() {
    }

    static List<Listener> listeners(String table, int port) {
        List<Listener> found = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length <= INODE || !LISTEN.equals(fields[STATE])) {
                continue;
            }
            String local = fields[LOCAL_ADDRESS];
            int colon = local.lastIndexOf(':');
            try {
                if (colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port) {
                    found.add(new Listener(Long.parseLong(fields[INODE]), Integer.parseInt(fields[UID])));
                }
            } catch (NumberFormatException e) {
                // not a socket line (the header has no STATE "0A", but be strict about the rest too)
            }
        }
        return found;
    }
}
