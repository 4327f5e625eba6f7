package dev.granary.filecoin;

import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Multibase;

import java.util.Arrays;

/**
 * The text form: network letter, protocol digit, then a decimal ID (f0), {@code namespace 'f' base32} (f4) or
 * base32 of payload ‖ checksum. Parsing is strict so each address has exactly one text per network: lowercase
 * base32 without padding or stray trailing bits, and decimal numbers without leading zeros or signs.
 */
final class AddressText {
    /** 2 prefix characters + 19 namespace digits + 'f' + 93 base32 characters of a 54-byte sub-address and checksum. */
    static final int MAX_LENGTH = 115;
    private static final int MAX_DECIMAL_DIGITS = 19;

    record Parsed(Network network, byte[] bytes) {
    }

    private AddressText() {
    }

    static Parsed parse(String text) {
        if (text.length() < 3 || text.length() > MAX_LENGTH) {
            throw new AddressFormatException("invalid address length: " + text.length() + " characters, expected 3 to " + MAX_LENGTH);
        }
        Network network = Network.fromPrefix(text.charAt(0));
        char digit = text.charAt(1);
        if (digit < '0' || digit > '4') {
            throw new AddressFormatException("unknown address protocol '" + digit + "' (known: 0 to 4)");
        }
        AddressProtocol protocol = AddressProtocol.fromCode(digit - '0');
        String body = text.substring(2);
        byte[] bytes = switch (protocol) {
            case ID -> Address.id(decimal(body, "ID")).bytes();
            case DELEGATED -> delegated(body);
            default -> checksummed(protocol, body);
        };
        return new Parsed(network, bytes);
    }

    static String format(Network network, Address address) {
        String head = "" + network.prefix() + address.protocol().code();
        return switch (address.protocol()) {
            case ID -> head + address.id();
            case DELEGATED -> head + address.namespace() + 'f' + Multibase.base32(join(address.subaddress(), address.checksum()));
            default -> head + Multibase.base32(join(address.payload(), address.checksum()));
        };
    }

    private static byte[] checksummed(AddressProtocol protocol, String body) {
        Checksummed decoded = Checksummed.decode(body);
        int expected = protocol == AddressProtocol.BLS ? Address.BLS_PUBLIC_KEY_BYTES : Address.HASH_PAYLOAD_BYTES;
        if (decoded.payload().length != expected) {
            throw new AddressFormatException("invalid address length: " + protocol + " payload must be " + expected
                    + " bytes, got " + decoded.payload().length);
        }
        byte[] bytes = new byte[1 + expected];
        bytes[0] = (byte) protocol.code();
        System.arraycopy(decoded.payload(), 0, bytes, 1, expected);
        return decoded.verify(bytes);
    }

    private static byte[] delegated(String body) {
        int separator = body.indexOf('f');
        if (separator < 0) {
            throw new AddressFormatException("invalid address payload: delegated address must read f4<namespace>f<base32>");
        }
        long namespace = decimal(body.substring(0, separator), "delegated namespace");
        Checksummed decoded = Checksummed.decode(body.substring(separator + 1));
        if (decoded.payload().length > Address.MAX_SUBADDRESS_BYTES) {
            throw new AddressFormatException("invalid address length: delegated sub-address is " + decoded.payload().length
                    + " bytes, at most " + Address.MAX_SUBADDRESS_BYTES);
        }
        return decoded.verify(Address.delegated(namespace, decoded.payload()).bytes());
    }

    /** The base32 part: payload (or sub-address) followed by the checksum of the whole binary address. */
    private record Checksummed(byte[] payload, byte[] checksum) {
        static Checksummed decode(String text) {
            byte[] decoded = base32(text);
            int split = decoded.length - Address.CHECKSUM_BYTES;
            if (split < 0) {
                throw new AddressFormatException("invalid address length: " + decoded.length + " bytes after base32, need at least a "
                        + Address.CHECKSUM_BYTES + "-byte checksum");
            }
            return new Checksummed(Arrays.copyOf(decoded, split), Arrays.copyOfRange(decoded, split, decoded.length));
        }

        byte[] verify(byte[] addressBytes) {
            if (!Arrays.equals(checksum, Digests.blake2b(8 * Address.CHECKSUM_BYTES, addressBytes))) {
                throw new AddressFormatException("invalid address checksum: the text is mistyped or corrupted");
            }
            return addressBytes;
        }
    }

    private static byte[] base32(String text) {
        try {
            return Multibase.decodeBase32(text);
        } catch (IpldFormatException e) {
            throw new AddressFormatException("invalid address encoding: " + e.getMessage(), e);
        }
    }

    private static long decimal(String digits, String what) {
        if (digits.length() > MAX_DECIMAL_DIGITS) {
            throw new AddressFormatException("invalid address length: " + what + " has " + digits.length()
                    + " characters, at most " + MAX_DECIMAL_DIGITS);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AddressFormatException("invalid address payload: " + what + " must be decimal digits, got '" + digits + "'");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new AddressFormatException("invalid address payload: " + what + " '" + digits + "' has a leading zero");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new AddressFormatException("invalid address payload: " + what + " " + digits + " exceeds 2^63-1", e);
        }
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
