package dev.granary.ipld;

/** Multicodec codes we use (multicodec table.csv). */
public final class Multicodec {
    public static final long IDENTITY = 0x00;
    public static final long SHA2_256 = 0x12;
    public static final long RAW = 0x55;
    public static final long DAG_PB = 0x70;
    public static final long DAG_CBOR = 0x71;
    public static final long DAG_JSON = 0x0129;
    public static final long BLAKE2B_256 = 0xb220;
    public static final long FR32_SHA256_TRUNC254_PADBINTREE = 0x1011;
    public static final long SHA2_256_TRUNC254_PADDED = 0x1012;
    public static final long POSEIDON_BLS12_381_A2_FC1 = 0xb401;
    public static final long FIL_COMMITMENT_UNSEALED = 0xf101;
    public static final long FIL_COMMITMENT_SEALED = 0xf102;

    private Multicodec() {
    }
}
