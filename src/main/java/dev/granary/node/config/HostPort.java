package dev.granary.node.config;

/**
 * A socket address as operators write it.
 *
 * @param host hostname or IP literal, IPv6 without brackets so it can be handed straight to a bind call
 * @param port 0..65535, 0 meaning "let the OS choose"
 */
public record HostPort(String host, int port) {

    /** The HOST:PORT form accepted by the parser, brackets restored for IPv6. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
