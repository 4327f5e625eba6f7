package dev.granary.p2p.multiaddr;

/**
 * The multiaddr protocols a TCP-only libp2p host needs (codes from multiformats protocols.csv). Others (udp, quic,
 * ws, …) are refused rather than carried opaquely, so every address we hold is one we can dial or print.
 */
public enum Protocol {
    IP4(4, "ip4", 4),
    TCP(6, "tcp", 2),
    IP6(41, "ip6", 16),
    DNS(53, "dns", Protocol.VARIABLE),
    DNS4(54, "dns4", Protocol.VARIABLE),
    DNS6(55, "dns6", Protocol.VARIABLE),
    DNSADDR(56, "dnsaddr", Protocol.VARIABLE),
    P2P(421, "p2p", Protocol.VARIABLE);

    static final int VARIABLE = -1;

    public final int code;
    public final String text;
    /** Value size in bytes, or {@link #VARIABLE} for a uvarint-length-prefixed value. */
    final int size;

    Protocol(int code, String text, int size) {
        this.code = code;
        this.text = text;
        this.size = size;
    }

    static Protocol fromCode(long code) {
        for (Protocol protocol : values()) {
            if (protocol.code == code) {
                return protocol;
            }
        }
        throw new MultiaddrException("unsupported multiaddr protocol code " + code);
    }

    static Protocol fromText(String name) {
        if (name.equals("ipfs")) {
            return P2P; // the old name of p2p, same code; printed as p2p
        }
        for (Protocol protocol : values()) {
            if (protocol.text.equals(name)) {
                return protocol;
            }
        }
        throw new MultiaddrException("unsupported multiaddr protocol '" + name + "'");
    }

    public boolean isHost() {
        return this == IP4 || this == IP6 || this == DNS || this == DNS4 || this == DNS6;
    }
}
