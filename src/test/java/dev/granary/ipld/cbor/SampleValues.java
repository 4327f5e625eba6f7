package dev.granary.ipld.cbor;

import java.util.Random;

/** Random but valid sample structs, as bases for mutation and round trips. */
final class SampleValues {
    private SampleValues() {
    }

    static SampleDealProposal proposal(long seed) {
        RandomCbor values = new RandomCbor(seed);
        Random random = new Random(seed);
        boolean bytesLabel = random.nextInt(4) == 0;
        return new SampleDealProposal(values.cid(), random.nextLong(), random.nextBoolean(),
                address(random), address(random), bytesLabel ? null : values.text(random.nextInt(60)),
                bytesLabel ? values.bytes(random.nextInt(60)) : null, epoch(random), epoch(random),
                values.bigInt(), values.bigInt(), values.bigInt());
    }

    static SampleDealParams params(long seed) {
        Random random = new Random(seed);
        RandomCbor values = new RandomCbor(seed);
        byte[] signature = values.bytes(1 + random.nextInt(97));
        return new SampleDealParams(values.bytes(16), random.nextBoolean(),
                new SampleDealParams.ClientDealProposal(proposal(seed), signature), values.cid(),
                new SampleDealParams.Transfer(random.nextBoolean() ? "http" : "libp2p", values.text(random.nextInt(10)),
                        values.bytes(random.nextInt(80)), random.nextLong()),
                random.nextBoolean(), random.nextBoolean());
    }

    private static byte[] address(Random random) {
        byte[] address = new byte[new int[] {2, 3, 21, 49}[random.nextInt(4)]];
        random.nextBytes(address);
        return address;
    }

    private static long epoch(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(3_000_000);
            case 1 -> -1 - random.nextInt(100);
            default -> random.nextLong();
        };
    }

}
