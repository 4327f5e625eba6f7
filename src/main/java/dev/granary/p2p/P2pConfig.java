package dev.granary.p2p;

/**
 * The libp2p host deal clients dial.
 *
 * @param listen a multiaddr such as {@code /ip4/0.0.0.0/tcp/24001}, or empty for no libp2p listener
 */
public record P2pConfig(String listen) {
    public boolean enabled() {
        return listen != null && !listen.isBlank();
    }
}
