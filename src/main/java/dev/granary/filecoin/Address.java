package dev.granary.filecoin;

import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Varint;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A Filecoin address: protocol byte ‖ payload on chain, {@code f1…}/{@code t1…} in text. Immutable; two
 * addresses are equal when their bytes are, whatever network letter they were read with.
 *
 * <p>Key-derived addresses ({@code f1}, {@code f3}, {@code f410}) are what signatures are checked against;
 * resolving an ID address to its key address needs chain state and is not done here.
 */
public final class Address {
    public static final int HASH_PAYLOAD_BYTES = 20;
    public static final int BLS_PUBLIC_KEY_BYTES = 48;
    public static final int SECP256K1_PUBLIC_KEY_BYTES = 65;
    public static final int MAX_SUBADDRESS_BYTES = 54;
    public static final int CHECKSUM_BYTES = 4;
    /** Namespace of the Ethereum address manager: f410… addresses hold a 20-byte Ethereum address. */
    public static final long ETHEREUM_NAMESPACE = 10;

    private final byte[] bytes;
    private final Network writtenWith;

    private Address(byte[] bytes, Network writtenWith) {
        this.bytes = bytes;
        this.writtenWith = writtenWith;
    }

    public static Address id(long id) {
        if (id < 0) {
            throw new AddressFormatException("ID must be between 0 and 2^63-1, got " + Long.toUnsignedString(id));
        }
        return new Address(concat(AddressProtocol.ID, Varint.encode(id)), null);
    }

    /** The f1 address of an uncompressed secp256k1 public key ({@code 04 ‖ X ‖ Y}). */
    public static Address secp256k1(byte[] uncompressedPublicKey) {
        if (uncompressedPublicKey.length != SECP256K1_PUBLIC_KEY_BYTES || uncompressedPublicKey[0] != 0x04) {
            throw new AddressFormatException("secp256k1 public key must be 65 bytes starting 0x04 (uncompressed), got "
                    + uncompressedPublicKey.length + " bytes");
        }
        return new Address(concat(AddressProtocol.SECP256K1, Digests.blake2b(160, uncompressedPublicKey)), null);
    }

    /** The f2 address of an actor created from {@code creationData} (hashed here, as go-address does). */
    public static Address actor(byte[] creationData) {
        return new Address(concat(AddressProtocol.ACTOR, Digests.blake2b(160, creationData)), null);
    }

    /** The f3 address of a compressed BLS12-381 G1 public key. The key is not checked to be on the curve. */
    public static Address bls(byte[] publicKey) {
        if (publicKey.length != BLS_PUBLIC_KEY_BYTES) {
            throw new AddressFormatException("BLS public key must be 48 bytes, got " + publicKey.length);
        }
        return new Address(concat(AddressProtocol.BLS, publicKey.clone()), null);
    }

    public static Address delegated(long namespace, byte[] subaddress) {
        if (namespace < 0) {
            throw new AddressFormatException("delegated namespace must be between 0 and 2^63-1, got " + Long.toUnsignedString(namespace));
        }
        if (subaddress.length > MAX_SUBADDRESS_BYTES) {
            throw new AddressFormatException("delegated sub-address is " + subaddress.length + " bytes, at most " + MAX_SUBADDRESS_BYTES);
        }
        byte[] namespaceBytes = Varint.encode(namespace);
        byte[] payload = Arrays.copyOf(namespaceBytes, namespaceBytes.length + subaddress.length);
        System.arraycopy(subaddress, 0, payload, namespaceBytes.length, subaddress.length);
        return new Address(concat(AddressProtocol.DELEGATED, payload), null);
    }

    /** The f410 address of a 20-byte Ethereum address. */
    public static Address ethereum(byte[] ethereumAddress) {
        if (ethereumAddress.length != HASH_PAYLOAD_BYTES) {
            throw new AddressFormatException("Ethereum address must be 20 bytes, got " + ethereumAddress.length);
        }
        return delegated(ETHEREUM_NAMESPACE, ethereumAddress);
    }

    /** Reads {@code f…} or {@code t…} text; the letter is remembered ({@link #writtenWith()}) but not part of equality. */
    public static Address parse(String text) {
        if (text == null) {
            throw new AddressFormatException("address text is null");
        }
        AddressText.Parsed parsed = AddressText.parse(text);
        return new Address(fromBytes(parsed.bytes()).bytes, parsed.network());
    }

    /** Reads the binary (on-chain, CBOR byte string) form. */
    public static Address fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new AddressFormatException("invalid address length: empty");
        }
        AddressProtocol protocol = AddressProtocol.fromCode(bytes[0] & 0xFF);
        int payloadLength = bytes.length - 1;
        if (payloadLength == 0) {
            throw new AddressFormatException("invalid address length: " + protocol + " address has no payload");
        }
        switch (protocol) {
            case ID -> {
                Varint.Decoded id = decodeVarint(bytes, "ID");
                if (id.length() != payloadLength) {
                    throw new AddressFormatException("invalid address payload: " + (payloadLength - id.length()) + " bytes after the ID varint");
                }
            }
            case SECP256K1, ACTOR -> requirePayloadLength(protocol, payloadLength, HASH_PAYLOAD_BYTES);
            case BLS -> requirePayloadLength(protocol, payloadLength, BLS_PUBLIC_KEY_BYTES);
            case DELEGATED -> {
                int subaddressLength = payloadLength - decodeVarint(bytes, "delegated namespace").length();
                if (subaddressLength > MAX_SUBADDRESS_BYTES) {
                    throw new AddressFormatException("invalid address length: delegated sub-address is " + subaddressLength
                            + " bytes, at most " + MAX_SUBADDRESS_BYTES);
                }
            }
        }
        return new Address(bytes.clone(), null);
    }

    public AddressProtocol protocol() {
        return AddressProtocol.fromCode(bytes[0]);
    }

    /** The binary form, as carried in CBOR. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Everything after the protocol byte. */
    public byte[] payload() {
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    /** The actor ID of an f0 address. */
    public long id() {
        requireProtocol(AddressProtocol.ID);
        return Varint.decode(bytes, 1).value();
    }

    /** The namespace actor ID of an f4 address. */
    public long namespace() {
        requireProtocol(AddressProtocol.DELEGATED);
        return Varint.decode(bytes, 1).value();
    }

    /** The sub-address of an f4 address (for f410: the 20-byte Ethereum address). */
    public byte[] subaddress() {
        requireProtocol(AddressProtocol.DELEGATED);
        return Arrays.copyOfRange(bytes, 1 + Varint.decode(bytes, 1).length(), bytes.length);
    }

    /** The network letter the text this address was parsed from carried; empty when built from bytes or keys. */
    public Optional<Network> writtenWith() {
        return Optional.ofNullable(writtenWith);
    }

    /** blake2b-32 over protocol ‖ payload; part of every text form except f0. */
    public byte[] checksum() {
        return Digests.blake2b(8 * CHECKSUM_BYTES, bytes);
    }

    public String format(Network network) {
        return AddressText.format(network, this);
    }

    /** Mainnet text ({@code f…}), whatever network it was read with. */
    @Override
    public String toString() {
        return format(Network.MAINNET);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** For diagnostics: the binary form in hex. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    private void requireProtocol(AddressProtocol expected) {
        if (protocol() != expected) {
            throw new IllegalStateException(this + " is a " + protocol() + " address, not " + expected);
        }
    }

    private static Varint.Decoded decodeVarint(byte[] bytes, String what) {
        try {
            return Varint.decode(bytes, 1);
        } catch (IpldFormatException e) {
            throw new AddressFormatException("invalid address payload: " + what + " " + e.getMessage(), e);
        }
    }

    private static void requirePayloadLength(AddressProtocol protocol, int actual, int expected) {
        if (actual != expected) {
            throw new AddressFormatException("invalid address length: " + protocol + " payload must be " + expected
                    + " bytes, got " + actual);
        }
    }

    private static byte[] concat(AddressProtocol protocol, byte[] payload) {
        byte[] out = new byte[1 + payload.length];
        out[0] = (byte) protocol.code();
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }
}
