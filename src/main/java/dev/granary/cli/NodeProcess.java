package dev.granary.cli;

import dev.granary.chain.ChainException;
import dev.granary.node.GranaryNode;
import dev.granary.node.LogLevels;
import dev.granary.node.config.ConfigException;
import dev.granary.node.config.ConfigLoader;
import dev.granary.node.config.ConfigSources;
import dev.granary.node.config.GranaryConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One node as an OS process: build Vert.x with metrics, load config, deploy, wait for a stop signal, stop. */
final class NodeProcess {
    private static final Logger log = LoggerFactory.getLogger(NodeProcess.class);
    /** Under the 10 s operators (and systemd/docker defaults) give a process between SIGTERM and SIGKILL. */
    private static final long STOP_TIMEOUT_SECONDS = 8;

    private final Path repo;
    private final Map<String, String> overrides;

    NodeProcess(Path repo, Map<String, String> overrides) {
        this.repo = repo;
        this.overrides = overrides;
    }

    int run() {
        // Installed first: a SIGTERM that lands during startup must still end in an orderly stop.
        CompletableFuture<String> stopReason = new CompletableFuture<>();
        TerminationSignals.install(stopReason::complete);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                        .setEnabled(true)
                        .setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        GranaryConfig config;
        try {
            config = ConfigLoader.load(vertx, ConfigSources.of(repo, overrides)).await();
        } catch (ConfigException e) {
            System.err.println("granary: invalid configuration:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            vertx.close().await();
            return ExitCodes.USAGE;
        }
        LogLevels.apply(config.log().level());
        GranaryNode node;
        try {
            node = GranaryNode.deploy(vertx, repo, config, registry).await();
        } catch (Exception e) {
            if (e instanceof ChainException || e instanceof ConfigException) {
                // the message says what to fix (an address, a token, a key); a stack trace would bury it
                log.error("granary failed to start: {}", e.getMessage());
                log.debug("startup failure", e);
            } else {
                log.error("granary failed to start: {}", e.getMessage(), e);
            }
            vertx.close().await();
            return ExitCodes.FAILED;
        }
        node.shutdownRequested().onSuccess(stopReason::complete);
        return stop(vertx, node, stopReason.join());
    }

    private static int stop(Vertx vertx, GranaryNode node, String reason) {
        try {
            node.stop(reason).eventually(vertx::close).await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ExitCodes.OK;
        } catch (TimeoutException e) {
            log.error("granary did not stop within {} s; exiting anyway", STOP_TIMEOUT_SECONDS);
            return ExitCodes.FAILED;
        } catch (Exception e) {
            log.error("granary stopped with an error: {}", e.getMessage(), e);
            return ExitCodes.FAILED;
        }
    }
}
