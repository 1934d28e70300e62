package dev.process;

import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.CapturedOutput;
import dev.testing.ProcessCleanup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import static dev.process.SpawnTest.BASE_ENV;
import static dev.process.SpawnTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Port holders and bind tests on real loopback sockets. */
class PortTest {
    final ProcessPlatform platform = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    static ServerSocket listenOnLoopback() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }

    @Test
    void theHolderOfASocketInThisJvmIsThisJvm() throws Exception {
        try (ServerSocket socket = listenOnLoopback()) {
            PortHolder holder = platform.portHolder(socket.getLocalPort()).orElseThrow();

            long self = ProcessHandle.current().pid();
            assertEquals(self, holder.pid());
            assertTrue(holder.pidKnown());
            assertEquals(platform.info(self).orElseThrow().commandLine(), holder.commandLine());
        }
    }

    @Test
    void theHolderOfAServiceSocketIsTheServiceProcess() throws Exception {
        int port = platform.freePort();
        SpawnedProcess spawned = platform.spawn(new SpawnSpec("web", Fixtures.command("--port", Integer.toString(port)),
                dir, BASE_ENV));
        cleanup.group(spawned.pgid());
        CapturedOutput output = CapturedOutput.of(spawned);
        Await.until(WAIT, () -> output.out().contains("listening on " + port), () -> "listening; " + output.err());

        PortHolder holder = platform.portHolder(port).orElseThrow();

        assertEquals(spawned.pid(), holder.pid());
        assertTrue(holder.commandLine().contains("dev.fixtures.FixtureService --port " + port), holder.commandLine());
        assertFalse(platform.portFree(port));
    }

    @Test
    void aPortNobodyListensOnHasNoHolderAndIsFree() throws Exception {
        int port;
        try (ServerSocket socket = listenOnLoopback()) {
            port = socket.getLocalPort();
            assertFalse(platform.portFree(port));
        }
        assertEquals(Optional.empty(), platform.portHolder(port));
        assertTrue(platform.portFree(port));
    }

    @Test
    void aBoundButNotListeningSocketMakesThePortBusyWithoutAHolder() throws Exception {
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            assertFalse(platform.portFree(port), "a bind test sees every bound socket");
            assertEquals(Optional.empty(), platform.portHolder(port), "but only listeners have a holder");
        }
    }

    @Test
    void freePortIsFreeAndBindable() throws Exception {
        int port = platform.freePort();
        assertTrue(port > 0 && port < 65536);
        assertTrue(platform.portFree(port));
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
    }
}
