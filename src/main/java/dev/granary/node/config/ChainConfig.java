package dev.granary.node.config;

import dev.granary.chain.devnet.DevnetConfig;

import java.util.Objects;

/**
 * Which chain the node follows.
 *
 * @param url    empty for the embedded devnet; otherwise a Lotus-compatible JSON-RPC endpoint (http/https/ws/wss)
 * @param token  the bearer token (a lotus JWT) sent to {@code url}; unused by the devnet
 * @param devnet how the embedded devnet runs when {@code url} is empty
 */
public record ChainConfig(String url, String token, DevnetConfig devnet) {
    /** The documented defaults of conf/granary.yaml: the devnet with its default settings. */
    public static final ChainConfig DEVNET_DEFAULTS = new ChainConfig("", "", DevnetConfig.defaults());

    public ChainConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(devnet, "devnet");
    }

    public boolean devnetMode() {
        return url.isBlank();
    }
}
