package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.OrchestratorListener;
import dev.orchestrator.StackSnapshot;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The orchestrator's control socket (Unix domain, in an owner-only directory; never TCP). One
 * thread accepts; each connection gets its own thread for as long as it is open, so a slow or
 * stuck client only ever stalls itself. Subscribers get events through a bounded queue of their
 * own (see {@link Subscriber}); the event loop only enqueues.
 */
public final class ControlServer implements OrchestratorListener, AutoCloseable {
    private final Path socketPath;
    private final ServerSocketChannel server;
    private final ControlTarget target;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Set<SocketChannel> clients = new CopyOnWriteArraySet<>();
    private final Thread acceptor;
    private final AtomicInteger connectionThreads = new AtomicInteger();
    private volatile boolean closed;

    private ControlServer(Path socketPath, ServerSocketChannel server, ControlTarget target) {
        this.socketPath = socketPath;
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::accept, "dev-control-accept");
        this.acceptor.setDaemon(true);
    }

    /** Binds the socket (replacing a stale socket file) and starts accepting. */
    public static ControlServer start(Path socketPath, ControlTarget target) throws IOException {
        SocketPaths.prepareDirectory(socketPath.getParent());
        Files.deleteIfExists(socketPath);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        ControlServer s = new ControlServer(socketPath, server, target);
        s.acceptor.start();
        return s;
    }

    public Path socketPath() {
        return socketPath;
    }

    /** Connection threads alive right now (tests assert this returns to zero). */
    public int activeConnections() {
        return connectionThreads.get();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void accept() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            clients.add(client);
            connectionThreads.incrementAndGet();
            Thread t = new Thread(() -> serve(client), "dev-control-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel client) {
        LineChannel lines = new LineChannel(client, ControlProtocol.MAX_REQUEST_BYTES);
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!handle(line, client, lines)) {
                    return;
                }
            }
        } catch (LineChannel.TooLongException e) {
            reply(lines, ControlProtocol.error(e.getMessage()));
        } catch (IOException e) {
            // client went away
        } finally {
            clients.remove(client);
            closeQuietly(client);
            connectionThreads.decrementAndGet();
        }
    }

    /** @return false when the connection is done (after a subscription ends) */
    private boolean handle(String line, SocketChannel client, LineChannel lines) throws IOException {
        JsonNode request;
        try {
            request = Json.read(line);
        } catch (IOException e) {
            reply(lines, ControlProtocol.error("malformed request: not JSON"));
            return true;
        }
        if (request == null || !request.isObject() || request.path("v").asInt() != ControlProtocol.VERSION) {
            reply(lines, ControlProtocol.error("unsupported request: expected {\"v\":" + ControlProtocol.VERSION
                    + ",\"op\":…}"));
            return true;
        }
        String op = request.path("op").asText("");
        switch (op) {
            case "status" -> reply(lines, withStack(ControlProtocol.ok()));
            case "stop", "restart" -> {
                Set<String> services = new LinkedHashSet<>();
                request.path("services").forEach(s -> services.add(s.asText()));
                Set<String> unknown = unknownServices(services);
                if (!unknown.isEmpty()) {
                    reply(lines, ControlProtocol.error("unknown service(s): " + String.join(", ", unknown)));
                    return true;
                }
                if (op.equals("restart") && services.isEmpty()) {
                    reply(lines, ControlProtocol.error("restart needs at least one service"));
                    return true;
                }
                Duration timeout = request.hasNonNull("timeout_ms") ? Duration.ofMillis(request.get("timeout_ms").asLong())
                        : null;
                try {
                    (op.equals("stop") ? target.stop(services, request.path("force").asBoolean(), timeout)
                            : target.restart(services)).get();
                    reply(lines, withStack(ControlProtocol.ok()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    reply(lines, ControlProtocol.error(op + " failed: "
                            + (cause.getMessage() != null ? cause.getMessage() : cause.toString())));
                }
            }
            case "subscribe" -> {
                subscribe(client, lines);
                return false;
            }
            default -> reply(lines, ControlProtocol.error("unknown op '" + op + "' (status, stop, restart, subscribe)"));
        }
        return true;
    }

    private Set<String> unknownServices(Set<String> services) {
        Set<String> known = new LinkedHashSet<>();
        target.snapshot().services().forEach(s -> known.add(s.name()));
        Set<String> unknown = new LinkedHashSet<>(services);
        unknown.removeAll(known);
        return unknown;
    }

    private void subscribe(SocketChannel client, LineChannel lines) throws IOException {
        Subscriber sub = new Subscriber(client, lines, ControlServer::snapshotEvent);
        subscribers.add(sub);
        try {
            ObjectNode first = ControlProtocol.event("snapshot");
            first.set("stack", StateJson.stack(target.snapshot(), Instant.now()));
            sub.offer(Json.write(first));
            sub.pump(); // returns when the client disconnects or falls too far behind
        } finally {
            subscribers.remove(sub);
        }
    }

    private ObjectNode withStack(ObjectNode reply) {
        reply.set("stack", StateJson.stack(target.snapshot(), Instant.now()));
        return reply;
    }

    private static void reply(LineChannel lines, ObjectNode reply) {
        try {
            lines.writeLine(Json.write(reply));
        } catch (IOException e) {
            // the client is gone; nothing to tell it
        }
    }

    @Override
    public void snapshot(StackSnapshot snapshot) {
        subscribers.forEach(s -> s.offerSnapshot(snapshot)); // serialized when written, newest only
    }

    /** A snapshot event's line, made when a subscriber's connection thread writes it. */
    private static String snapshotEvent(StackSnapshot snapshot) {
        ObjectNode event = ControlProtocol.event("snapshot");
        event.set("stack", StateJson.stack(snapshot, Instant.now()));
        try {
            return Json.write(event);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void transition(Transition t) {
        if (subscribers.isEmpty()) {
            return;
        }
        ObjectNode event = ControlProtocol.event("transition");
        event.put("service", t.service());
        event.put("from", t.from().keyword());
        event.put("to", t.to().keyword());
        event.put("elapsed_ms", t.elapsedMillis());
        event.set("snapshot", StateJson.service(t.snapshot(), Instant.now()));
        var lines = event.putArray("last_lines");
        t.lastLines().forEach(lines::add);
        broadcast(event);
    }

    @Override
    public void notice(String message) {
        if (subscribers.isEmpty()) {
            return;
        }
        ObjectNode event = ControlProtocol.event("notice");
        event.put("message", message);
        broadcast(event);
    }

    private void broadcast(ObjectNode event) {
        String text;
        try {
            text = Json.write(event);
        } catch (IOException e) {
            return;
        }
        subscribers.forEach(s -> s.offer(text));
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        subscribers.forEach(Subscriber::close);
        clients.forEach(ControlServer::closeQuietly);
        try {
            acceptor.join(1000);
            Files.deleteIfExists(socketPath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover socket file is replaced by the next start
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
