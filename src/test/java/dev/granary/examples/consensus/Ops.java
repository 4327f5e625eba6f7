package dev.granary.examples.consensus;

/** The operations a node collected for a rank (its "mempool" for that round). */
record Ops(long rank, String author, String payload) implements Unique {
    @Override
    public String identity() {
        return author;
    }
}
