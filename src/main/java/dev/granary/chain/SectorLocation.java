package dev.granary.chain;

public record SectorLocation(long deadline, long partition) {
}
