package dev.granary.examples.consensus;

/** {@code voter}'s vote for {@code proposer}'s frame; its identity is the frame voted for. */
record FrameVote(long rank, String voter, String proposer, String frameHash) implements Unique {
    @Override
    public String identity() {
        return frameHash;
    }
}
