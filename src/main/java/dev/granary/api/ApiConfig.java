package dev.granary.api;

/**
 * The HTTP API server: health, metrics and JSON-RPC.
 *
 * @param host         address to bind; a wildcard (0.0.0.0, ::) is written to the repo's api file as loopback
 * @param port         TCP port, 0 to let the OS choose
 * @param maxBodyBytes largest request body accepted; larger ones are answered with 413
 */
public record ApiConfig(String host, int port, long maxBodyBytes) {
}
