package dev.granary.node;

import dev.granary.api.ApiAuth;
import dev.granary.api.ApiConfig;
import dev.granary.api.ApiVerticle;
import dev.granary.api.rpc.JwtTokens;
import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcDispatcher;
import dev.granary.chain.ChainApi;
import dev.granary.node.config.GranaryConfig;
import dev.granary.p2p.host.Libp2pHost;
import dev.granary.store.MetaRepository;
import dev.granary.store.Store;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a Granary node inside a {@link Vertx} instance: opens the repo and store, deploys the
 * verticles, writes the api and token files and announces readiness. An embedding application calls
 * {@link #deploy} with its own Vert.x and config; {@code granary run} does the same from the CLI.
 */
public final class GranaryNode {
    private static final Logger log = LoggerFactory.getLogger(GranaryNode.class);
    private static final int MAX_RPC_BATCH = 100;

    private final Vertx vertx;
    private final GranaryConfig config;
    private final RepoDir repo;
    private final Store store;
    private final Deque<String> deployments = new ArrayDeque<>();
    private final Promise<String> shutdownRequested = Promise.promise();
    private MessageConsumer<NodeMessage> control;
    private String apiUrl;
    /** Null when p2p.listen is empty. */
    private Libp2pHost p2pHost;
    /** Null until started. */
    private ChainApi chain;
    private Future<Void> stopping;

    private GranaryNode(Vertx vertx, GranaryConfig config, RepoDir repo, Store store) {
        this.vertx = vertx;
        this.config = config;
        this.repo = repo;
        this.store = store;
    }

    /** Deploys with a fresh Prometheus registry (for embedders whose Vert.x has no metrics of its own). */
    public static Future<GranaryNode> deploy(Vertx vertx, Path repoRoot, GranaryConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NodeMetrics.bindJvm(registry);
        return deploy(vertx, repoRoot, config, registry);
    }

    /** @param registry where /metrics reads from; pass the registry Vert.x's own metrics were built with */
    public static Future<GranaryNode> deploy(Vertx vertx, Path repoRoot, GranaryConfig config,
                                             PrometheusMeterRegistry registry) {
        MessageCodecs.registerOnce(vertx);
        return vertx.executeBlocking(() -> RepoDir.open(repoRoot)).compose(repo ->
                Store.open(vertx, config.store(), repo.dbFile(), registry)
                        .recover(failure -> closeQuietly(vertx, repo).compose(v -> Future.failedFuture(failure)))
                        .compose(store -> {
                            GranaryNode node = new GranaryNode(vertx, config, repo, store);
                            return node.start(registry).recover(failure ->
                                    node.stop("startup failed").transform(ignored -> Future.failedFuture(failure)));
                        }));
    }

    private Future<GranaryNode> start(PrometheusMeterRegistry registry) {
        NodeMetrics.register(registry);
        control = vertx.eventBus().localConsumer(NodeMessage.CONTROL, message -> {
            if (message.body() instanceof NodeMessage.ShutdownRequested request) {
                log.info("shutdown requested: {}", request.reason());
                shutdownRequested.tryComplete(request.reason());
            }
        });
        return recordStart()
                .compose(v -> startP2p())
                .compose(v -> startChain())
                .compose(v -> vertx.executeBlocking(repo::loadOrCreateJwtSecret))
                .compose(secret -> deployApi(new ApiAuth(new JwtTokens(secret)), registry))
                .compose(this::writeClientFiles)
                .compose(v -> NodeChain.describe(chain))
                .map(this::announceReady);
    }

    private Future<Void> recordStart() {
        MetaRepository meta = new MetaRepository(store);
        return meta.putIfAbsent("node.created-at", Instant.now().toString())
                .compose(created -> meta.put("node.last-start-version", BuildInfo.version()));
    }

    /** Started before the API so the Net RPC methods have a host to answer with from the first request. */
    private Future<Void> startP2p() {
        if (!config.p2p().enabled()) {
            return Future.succeededFuture();
        }
        return NodeP2p.start(vertx, repo.root(), config.p2p()).map(host -> {
            p2pHost = host;
            return null;
        });
    }

    /** After p2p, so a new devnet registers the identity the host already uses as its miner's peer ID. */
    private Future<Void> startChain() {
        return NodeChain.start(vertx, config.chain(), store, repo.root(), config.p2p().enabled()).map(started -> {
            chain = started;
            return null;
        });
    }

    private Future<ApiAuth> deployApi(ApiAuth auth, PrometheusMeterRegistry registry) {
        var methods = new ArrayList<>(new NodeRpcMethods(vertx, auth).all());
        methods.addAll(new NetRpcMethods(Optional.ofNullable(p2pHost)).all());
        methods.addAll(new ChainRpcMethods(chain).all());
        methods.addAll(new DevnetRpcMethods(chain).all());
        var dispatcher = new RpcDispatcher(methods, registry, MAX_RPC_BATCH);
        ApiVerticle api = new ApiVerticle(config.api(), dispatcher, auth, registry);
        return vertx.deployVerticle(api).map(id -> {
            deployments.push(id);
            apiUrl = "http://" + dialableHost(config.api()) + ":" + api.actualPort();
            return auth;
        });
    }

    private Future<Void> writeClientFiles(ApiAuth auth) {
        String adminToken = auth.createToken(Permission.ADMIN);
        return vertx.executeBlocking(() -> {
            repo.writeApi(apiUrl);
            repo.writeToken(adminToken);
            return null;
        });
    }

    private GranaryNode announceReady(String chainDescription) {
        String p2p = p2pAddress().orElse("none");
        vertx.eventBus().publish(NodeMessage.LIFECYCLE, new NodeMessage.Ready(apiUrl, p2p), MessageCodecs.LOCAL);
        log.info("granary ready api={} p2p={} {}", apiUrl, p2p, chainDescription);
        return this;
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** The first libp2p listen address, ending in /p2p/&lt;peer id&gt;; empty when p2p.listen is empty. */
    public Optional<String> p2pAddress() {
        if (p2pHost == null) {
            return Optional.empty();
        }
        List<?> addresses = p2pHost.listenAddresses();
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.getFirst().toString());
    }

    /** The chain adapter this node runs (the devnet unless chain.url is set). */
    public ChainApi chain() {
        return chain;
    }

    public Path repoRoot() {
        return repo.root();
    }

    public Store store() {
        return store;
    }

    /** Completes with the reason when an admin asks the node to stop; the host process decides how to exit. */
    public Future<String> shutdownRequested() {
        return shutdownRequested.future();
    }

    /**
     * Stops taking work, undeploys verticles newest first, stops the chain adapter (the devnet finishes its store
     * write), closes the libp2p host (peers' streams may still reach the store), then the store, and releases the
     * repo. Idempotent.
     */
    public Future<Void> stop(String reason) {
        if (stopping == null) {
            log.info("granary stopping: {}", reason);
            vertx.eventBus().publish(NodeMessage.LIFECYCLE, new NodeMessage.Stopping(reason), MessageCodecs.LOCAL);
            stopping = undeployAll()
                    .eventually(() -> control == null ? Future.succeededFuture() : control.unregister())
                    .eventually(() -> chain == null ? Future.succeededFuture() : chain.close())
                    .eventually(() -> p2pHost == null ? Future.succeededFuture() : p2pHost.close())
                    .eventually(store::close)
                    .eventually(() -> closeQuietly(vertx, repo))
                    .onSuccess(v -> log.info("granary stopped"));
        }
        return stopping;
    }

    private Future<Void> undeployAll() {
        Future<Void> chain = Future.succeededFuture();
        while (!deployments.isEmpty()) {
            String id = deployments.pop();
            chain = chain.eventually(() -> vertx.undeploy(id));
        }
        return chain;
    }

    private static Future<Void> closeQuietly(Vertx vertx, RepoDir repoDir) {
        return vertx.executeBlocking(() -> {
            repoDir.close();
            return null;
        });
    }

    /** A wildcard bind address is not something a client can dial: point clients at loopback instead. */
    static String dialableHost(ApiConfig api) {
        return switch (api.host()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> api.host().contains(":") && !api.host().startsWith("[") ? "[" + api.host() + "]" : api.host();
        };
    }
}
