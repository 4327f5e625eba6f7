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
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal libp2p host: TCP, multistream-select, Noise XX, yamux, with identify and ping built in. One connection
 * per remote peer is reused for all streams to it. Methods may be called from any thread.
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
    private final Map<String, Handler<Libp2pStream>> handlers = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<PeerId, Connection> byPeer = new ConcurrentHashMap<>();
    private final Map<PeerId, Future<Connection>> dialing = new ConcurrentHashMap<>();
    private final List<NetServer> servers = new CopyOnWriteArrayList<>();
    private final HostMetrics metrics;
    private volatile List<Multiaddr> listenAddresses = List.of();

    private Libp2pHost(Vertx vertx, Ed25519Identity identity, HostConfig config, MeterRegistry registry) {
        this.vertx = vertx;
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

    /** Serves inbound streams that select {@code protocolId}; the handler runs on the connection's context. */
    public Libp2pHost handle(String protocolId, Handler<Libp2pStream> handler) {
        handlers.put(protocolId, handler);
        return this;
    }

    /** The protocols we accept inbound streams for, as announced by identify. */
    public List<String> protocols() {
        return List.copyOf(new TreeSet<>(handlers.keySet()));
    }

    /** Opens a stream to the peer named by {@code address} (which must end in /p2p), trying the protocols in order. */
    public Future<Libp2pStream> newStream(Multiaddr address, String... protocolIds) {
        if (protocolIds.length == 0) {
            return Future.failedFuture(new IllegalArgumentException("no protocol to propose"));
        }
        return withNewStream(address, List.of(protocolIds), Future::succeededFuture);
    }

    private <T> Future<T> withNewStream(Multiaddr address, List<String> protocols,
                                        Function<Libp2pStream, Future<T>> use) {
        return connectionTo(address).compose(connection -> connection.withNewStream(protocols, use));
    }

    /** One {@code /ipfs/ping/1.0.0} round trip; completes with the round-trip time in nanoseconds. */
    public Future<Long> ping(Multiaddr address) {
        return withNewStream(address, List.of(PING), PingProtocol::measure);
    }

    /** Asks the peer for its identify record. */
    public Future<IdentifyInfo> identify(Multiaddr address) {
        return withNewStream(address, List.of(IDENTIFY), IdentifyProtocol::request);
    }

    /** Number of open or opening connections (tests and metrics). */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Open yamux streams over all connections (metrics). Read without hopping onto each connection's context: a
     * momentarily stale count is fine for a gauge, blocking a scrape on every event loop is not.
     */
    public int streamCount() {
        int count = 0;
        for (Connection connection : connections) {
            var session = connection.session();
            count += session == null ? 0 : session.streamCount();
        }
        return count;
    }

    public Future<Void> close() {
        List<Future<?>> steps = new ArrayList<>();
        servers.forEach(server -> steps.add(server.close()));
        servers.clear();
        connections.forEach(connection -> steps.add(connection.shutdown()));
        metrics.close();
        return Future.join(steps).eventually(() -> client.close()).mapEmpty();
    }

    private Future<Connection> connectionTo(Multiaddr address) {
        PeerId peer = address.peerId().orElse(null);
        if (peer == null) {
            return Future.failedFuture(new IllegalArgumentException(address + " does not name a peer (/p2p/...)"));
        }
        Connection existing = byPeer.get(peer);
        if (existing != null && existing.isOpen()) {
            return Future.succeededFuture(existing);
        }
        Future<Connection> dial = dialing.computeIfAbsent(peer, p -> dial(address, p));
        dial.onComplete(ignored -> dialing.remove(peer, dial));
        return dial;
    }

    private Future<Connection> dial(Multiaddr address, PeerId peer) {
        TcpTarget target = address.tcpTarget().orElse(null);
        if (target == null) {
            return Future.failedFuture(new IllegalArgumentException("cannot dial " + address + ": not TCP"));
        }
        Context context = vertx.getOrCreateContext();
        Promise<Connection> promise = Promise.promise();
        context.runOnContext(ignored -> {
            if (connections.size() >= config.maxConnections()) {
                promise.fail(new HostException("connection limit " + config.maxConnections() + " reached"));
                return;
            }
            client.connect(target.port(), target.host())
                    .compose(socket -> track(new Connection(this, socket, context, true, peer)))
                    .onComplete(promise);
        });
        return promise.future();
    }

    private void accept(NetSocket socket) {
        if (connections.size() >= config.maxConnections()) {
            LOG.warn("refusing libp2p connection from {}: limit of {} connections reached",
                    socket.remoteAddress(), config.maxConnections());
            metrics.handshakeFailed("connection-limit");
            socket.close();
            return;
        }
        track(new Connection(this, socket, vertx.getOrCreateContext(), false, null));
    }

    private Future<Connection> track(Connection connection) {
        connections.add(connection);
        return connection.start().onSuccess(open -> byPeer.put(open.remotePeer(), open));
    }

    void onClosed(Connection connection) {
        connections.remove(connection);
        if (connection.remotePeer() != null) {
            byPeer.remove(connection.remotePeer(), connection);
        }
    }

    void onInboundStream(Connection connection, YamuxStream stream) {
        ListenerNegotiation listener = new ListenerNegotiation(handlers.keySet());
        StreamNegotiation.run(stream, connection.context(), connection.remotePeer(), config.handshakeTimeout(),
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

    Multiaddr observedAddress(Libp2pStream stream) {
        Connection connection = byPeer.get(stream.remotePeer());
        if (connection == null) {
            return null;
        }
        var remote = connection.socket().remoteAddress();
        String host = remote.hostAddress();
        return Multiaddr.parse((host.contains(":") ? "/ip6/" : "/ip4/") + host + "/tcp/" + remote.port());
    }
}
