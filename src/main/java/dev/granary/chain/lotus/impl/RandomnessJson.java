package dev.granary.chain.lotus.impl;

/** {@code abi.Randomness}: base64 of the 32 bytes drawn from the ticket chain or the beacon. */
public final class RandomnessJson {
    public static final int RANDOMNESS_BYTES = 32;

    private RandomnessJson() {
    }

    public static byte[] randomness(JsonValue value) {
        byte[] randomness = value.bytes(RANDOMNESS_BYTES);
        if (randomness.length != RANDOMNESS_BYTES) {
            throw value.fail("expected " + RANDOMNESS_BYTES + " bytes of randomness, got " + randomness.length);
        }
        return randomness;
    }
}
