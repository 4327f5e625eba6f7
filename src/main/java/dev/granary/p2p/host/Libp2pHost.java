package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.mss.ListenerNegotiation;
import dev.granary.p2p.multiaddr.Multiaddr;
import dev.granary.p2p.multiaddr.TcpTarget;
import dev.granary.p2p.noise.NoiseIdentity;
import dev.granary.p2p.noise.NoiseKeyVerifier;
import dev.granary.p2p.yamux.YamuxStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A minimal libp2p host: TCP, multistream-select, Noise XX, yamux, with identify and ping built in. One connection
 * per remote peer is reused for all streams to it. Methods may be called from any thread.
 *
 * <p>Threading: each connection runs on its own context (spread over the event loops); the host's tables (open
 * connections, connections by peer, dials in progress) belong to one host context, the one the host was created on,
 * and connections report to it by message rather than touching them. Readers elsewhere (gauges, the handler lookup
 * for inbound streams) see immutable snapshots.
 */
public final class Libp2pHost {
    public static final String PING = PingProtocol.ID;
    public static final String IDENTIFY = IdentifyProtocol.ID;
    private static final Logger LOG = LoggerFactory.getLogger(Libp2pHost.class);

    private final Vertx vertx;
    private final Ed25519Identity identity;
    private final HostConfig config;
    private final NoiseIdentity noiseIdentity;
    private final NoiseKeyVerifier keyVerifier = new AnyKeyVerifier();
    private final NetClient client;
    private final Context hostContext;
    // touched only on hostContext
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Map<PeerId, Connection> byPeer = new HashMap<>();
    private final Map<PeerId, Future<Connection>> dialing = new HashMap<>();
    private final List<NetServer> servers = new ArrayList<>();
    private int dialsReserved;
    // published for other threads
    private volatile Map<String, Handler<Libp2pStream>> handlers = Map.of();
    private volatile List<Connection> connectionSnapshot = List.of();
    private final HostMetrics metrics;
    private volatile List<Multiaddr> listenAddresses = List.of();

    private Libp2pHost(Vertx vertx, Ed25519Identity identity, HostConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.hostContext = vertx.getOrCreateContext();
        this.metrics = HostMetrics.create(registry, this);
        this.identity = identity;
        this.config = config;
        this.noiseIdentity = new HostNoiseIdentity(identity);
        this.client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) config.handshakeTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        handle(PING, stream -> PingProtocol.serve(stream, () -> metrics.pingAnswered("protocol")));
        handle(IDENTIFY, stream -> IdentifyProtocol.serve(this, stream));
    }

    public static Libp2pHost create(Vertx vertx, Ed25519Identity identity, HostConfig config) {
        return create(vertx, identity, config, null);
    }

    /** @param registry where connection, stream, byte and handshake-failure meters go; null for none */
    public static Libp2pHost create(Vertx vertx, Ed25519Identity identity, HostConfig config, MeterRegistry registry) {
        return new Libp2pHost(vertx, identity, config, registry);
    }

    /** Listens on every configured address; completes with the actual addresses, each ending in {@code /p2p/<id>}. */
    public Future<List<Multiaddr>> start() {
        return onHost(this::startOnHost);
    }

    private Future<List<Multiaddr>> startOnHost() {
        List<Future<Multiaddr>> bound = new ArrayList<>();
        for (String listen : config.listen()) {
            Multiaddr address = Multiaddr.parse(listen);
            TcpTarget target = address.tcpTarget()
                    .orElseThrow(() -> new IllegalArgumentException("not a TCP listen address: " + listen));
            NetServer server = vertx.createNetServer(new NetServerOptions()
                    .setIdleTimeout((int) config.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
            server.connectHandler(this::accept);
            servers.add(server);
            bound.add(server.listen(target.port(), target.host()).map(s -> Multiaddr.parse(
                    "/" + target.hostProtocol().text + "/" + target.host() + "/tcp/" + s.actualPort()).withPeerId(peerId())));
        }
        return Future.all(bound).compose(all -> vertx.executeBlocking(() -> all.<Multiaddr>list().stream()
                .flatMap(address -> InterfaceAddresses.expand(address).stream()).toList())).map(dialable -> {
            listenAddresses = List.copyOf(dialable);
            LOG.info("libp2p host {} listening on {}", peerId(), listenAddresses);
            return listenAddresses;
        });
    }

    public PeerId peerId() {
        return identity.peerId();
    }

    /** Where peers can dial us: a wildcard listen address is listed once per interface address, loopback first. */
    public List<Multiaddr> listenAddresses() {
        return listenAddresses;
    }

    HostConfig config() {
        return config;
    }

    Ed25519Identity identity() {
        return identity;
    }

    NoiseIdentity noiseIdentity() {
        return noiseIdentity;
    }

    HostMetrics metrics() {
        return metrics;
    }

    NoiseKeyVerifier keyVerifier() {
        return keyVerifier;
    }

    /**
     * Serves inbound streams that select {@code protocolId}; the handler runs on the connection's context. Meant for
     * setup: each call publishes a new copy of the handler table.
     */
    public Libp2pHost handle(String protocolId, Handler<Libp2pStream> handler) {
        Map<String, Handler<Libp2pStream>> updated = new HashMap<>(handlers);
        updated.put(protocolId, handler);
        handlers = Map.copyOf(updated);
        return this;
    }

    /** The protocols we accept inbound streams for, as announced by identify. */
    public List<String> protocols() {
        return List.copyOf(new TreeSet<>(handlers.keySet()));
    }

    /** Opens a stream to the peer named by {@code address} (which must end in /p2p), trying the protocols in order. */
    public Future<Libp2pStream> newStream(Multiaddr address, String... protocolIds) {
        return peerOf(address).compose(peer -> newStream(peer, protocolIds));
    }

    /**
     * Opens a stream to {@code peer}, trying the protocols in order. An open connection to the peer is reused;
     * otherwise its dialable addresses are tried one after the other until one connects and proves to be the peer.
     */
    public Future<Libp2pStream> newStream(PeerAddresses peer, String... protocolIds) {
        if (protocolIds.length == 0) {
            return Future.failedFuture(new IllegalArgumentException("no protocol to propose"));
        }
        return withNewStream(peer, List.of(protocolIds), Future::succeededFuture);
    }

    private <T> Future<T> withNewStream(PeerAddresses peer, List<String> protocols,
                                        Function<Libp2pStream, Future<T>> use) {
        return connectionTo(peer).compose(connection -> connection.withNewStream(protocols, use));
    }

    private static Future<PeerAddresses> peerOf(Multiaddr address) {
        try {
            return Future.succeededFuture(PeerAddresses.of(address));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    /** One {@code /ipfs/ping/1.0.0} round trip; completes with the round-trip time in nanoseconds. */
    public Future<Long> ping(Multiaddr address) {
        return peerOf(address).compose(this::ping);
    }

    public Future<Long> ping(PeerAddresses peer) {
        return withNewStream(peer, List.of(PING), PingProtocol::measure);
    }

    /** Asks the peer for its identify record. */
    public Future<IdentifyInfo> identify(Multiaddr address) {
        return peerOf(address).compose(this::identify);
    }

    public Future<IdentifyInfo> identify(PeerAddresses peer) {
        return withNewStream(peer, List.of(IDENTIFY), IdentifyProtocol::request);
    }

    /** The peers we hold an open connection to, ordered by peer ID. */
    public Future<List<ConnectedPeer>> peers() {
        return onHost(() -> Future.succeededFuture(byPeer.values().stream()
                .filter(Connection::isOpen)
                .map(connection -> new ConnectedPeer(connection.remotePeer(), connection.remoteMultiaddr(),
                        connection.isOutbound(), streamsOn(connection)))
                .sorted(java.util.Comparator.comparing(peer -> peer.peer().toString()))
                .toList()));
    }

    /** Number of open or opening connections (tests and metrics). */
    public int connectionCount() {
        return connectionSnapshot.size();
    }

    /**
     * Open yamux streams over all connections (metrics). Read without hopping onto each connection's context: a
     * momentarily stale count is fine for a gauge, blocking a scrape on every event loop is not.
     */
    public int streamCount() {
        int count = 0;
        for (Connection connection : connectionSnapshot) {
            count += streamsOn(connection);
        }
        return count;
    }

    private static int streamsOn(Connection connection) {
        var session = connection.session();
        return session == null ? 0 : session.streamCount();
    }

    public Future<Void> close() {
        return onHost(() -> {
            List<Future<?>> steps = new ArrayList<>();
            servers.forEach(server -> steps.add(server.close()));
            servers.clear();
            List.copyOf(connections).forEach(connection -> steps.add(connection.shutdown()));
            metrics.close();
            return Future.join(steps).eventually(client::close).mapEmpty();
        });
    }

    /** Runs {@code work} on the host context and completes with its result, from whichever thread calls. */
    private <T> Future<T> onHost(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        hostContext.runOnContext(ignored -> {
            try {
                work.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    private Future<Connection> connectionTo(PeerAddresses peerAddresses) {
        PeerId peer = peerAddresses.peer();
        return onHost(() -> {
            Connection existing = byPeer.get(peer);
            if (existing != null && existing.isOpen()) {
                return Future.succeededFuture(existing);
            }
            Future<Connection> pending = dialing.get(peer);
            if (pending != null) {
                return pending;
            }
            List<Multiaddr> dialable = peerAddresses.dialable();
            if (dialable.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException("no TCP address to dial for " + peer
                        + " among " + peerAddresses.addresses()));
            }
            Future<Connection> dial = dialInTurn(dialable, 0, peer, new ArrayList<>());
            dialing.put(peer, dial);
            dial.onComplete(ignored -> hostContext.runOnContext(v -> dialing.remove(peer, dial)));
            return dial;
        });
    }

    /**
     * On the host context: dials {@code addresses[index]}, and on failure the next one; fails with every address's
     * reason once none is left. The connection limit stops the attempts at once, as no other address would help.
     */
    private Future<Connection> dialInTurn(List<Multiaddr> addresses, int index, PeerId peer, List<String> failures) {
        Multiaddr address = addresses.get(index);
        Promise<Connection> result = Promise.promise();
        dial(address, peer).onComplete(attempt -> hostContext.runOnContext(ignored -> {
            if (attempt.succeeded()) {
                result.complete(attempt.result());
                return;
            }
            failures.add(address + ": " + attempt.cause().getMessage());
            if (attempt.cause() instanceof ConnectionLimitException || index + 1 == addresses.size()) {
                result.fail(addresses.size() == 1 ? attempt.cause()
                        : new HostException("could not reach " + peer + " at any of " + addresses.size()
                                + " addresses: " + String.join("; ", failures)));
            } else {
                LOG.debug("dialing {} at {} failed ({}); trying {}", peer, address, attempt.cause().getMessage(),
                        addresses.get(index + 1));
                dialInTurn(addresses, index + 1, peer, failures).onComplete(result);
            }
        }));
        return result.future();
    }

    /** On the host context; the new connection gets a context of its own. */
    private Future<Connection> dial(Multiaddr address, PeerId peer) {
        TcpTarget target = address.tcpTarget().orElseThrow();
        if (connections.size() + dialsReserved >= config.maxConnections()) {
            return Future.failedFuture(new ConnectionLimitException(config.maxConnections()));
        }
        dialsReserved++;
        ContextInternal connectionContext = ((VertxInternal) vertx).createEventLoopContext();
        Promise<Connection> result = Promise.promise();
        connectionContext.runOnContext(ignored -> client.connect(target.port(), target.host())
                .onComplete(connected -> hostContext.runOnContext(v -> {
                    dialsReserved--; // the reservation becomes a tracked connection or nothing
                    if (connected.failed()) {
                        result.fail(connected.cause());
                    } else {
                        track(new Connection(this, connected.result(), connectionContext, true, peer)).onComplete(result);
                    }
                })));
        return result.future();
    }

    /** On the server's context for this socket: the connection starts at once, the host counts it afterwards. */
    private void accept(NetSocket socket) {
        Connection connection = new Connection(this, socket, vertx.getOrCreateContext(), false, null);
        connection.start().onSuccess(open -> hostContext.runOnContext(v -> remember(open)));
        hostContext.runOnContext(ignored -> {
            if (connections.size() + dialsReserved >= config.maxConnections()) {
                LOG.warn("refusing libp2p connection from {}: limit of {} connections reached",
                        socket.remoteAddress(), config.maxConnections());
                connection.refuse("connection-limit");
                return;
            }
            add(connection);
        });
    }

    /** On the host context: counts the connection, starts it on its own context, learns its peer once open. */
    private Future<Connection> track(Connection connection) {
        add(connection);
        Promise<Connection> tracked = Promise.promise();
        connection.context().runOnContext(ignored -> connection.start()
                .onComplete(started -> hostContext.runOnContext(v -> {
                    if (started.succeeded()) {
                        remember(started.result());
                    }
                    tracked.handle(started);
                })));
        return tracked.future();
    }

    /** Dialing refused because the host holds its maximum of connections. */
    static final class ConnectionLimitException extends HostException {
        ConnectionLimitException(int limit) {
            super("connection limit " + limit + " reached");
        }
    }

    private void add(Connection connection) {
        connections.add(connection);
        connectionSnapshot = List.copyOf(connections);
    }

    private void remember(Connection open) {
        if (connections.contains(open) && open.isOpen()) {
            byPeer.put(open.remotePeer(), open);
        }
    }

    /** Called by a connection from its own context; completes once the host has forgotten it. */
    Future<Void> onClosed(Connection connection) {
        return onHost(() -> {
            if (connections.remove(connection)) {
                connectionSnapshot = List.copyOf(connections);
            }
            if (connection.remotePeer() != null) {
                byPeer.remove(connection.remotePeer(), connection);
            }
            return Future.succeededFuture();
        });
    }

    void onInboundStream(Connection connection, YamuxStream stream) {
        Map<String, Handler<Libp2pStream>> handlers = this.handlers;
        ListenerNegotiation listener = new ListenerNegotiation(handlers.keySet());
        StreamNegotiation.run(stream, connection, config.handshakeTimeout(),
                Buffer.buffer(), listener::onData).onComplete(result -> {
            if (result.failed()) {
                LOG.debug("inbound stream from {} not negotiated: {}", connection.remotePeer(), result.cause().getMessage());
                return;
            }
            Libp2pStream selected = result.result();
            Handler<Libp2pStream> handler = handlers.get(selected.protocol());
            if (handler == null) {
                selected.reset();
                return;
            }
            try {
                handler.handle(selected);
            } catch (RuntimeException e) {
                LOG.warn("handler for {} failed", selected.protocol(), e);
                selected.reset();
            }
        });
    }

    /** Where the stream's peer connects from, as we see it (identify's observed address). */
    Multiaddr observedAddress(Libp2pStream stream) {
        return stream.connection().remoteMultiaddr();
    }
}
