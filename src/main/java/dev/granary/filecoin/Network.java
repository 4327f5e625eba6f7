package dev.granary.filecoin;

/**
 * The network letter an address is written with. It exists only in text: on chain (bytes, CBOR) an address
 * carries no network, so the same bytes read as {@code f1…} on mainnet and {@code t1…} on calibration.
 */
public enum Network {
    MAINNET('f'),
    TESTNET('t');

    private final char prefix;

    Network(char prefix) {
        this.prefix = prefix;
    }

    public char prefix() {
        return prefix;
    }

    static Network fromPrefix(char c) {
        for (Network network : values()) {
            if (network.prefix == c) {
                return network;
            }
        }
        throw new AddressFormatException("unknown network '" + c + "' (expected 'f' for mainnet or 't' for testnets)");
    }
}
