package dev.granary.chain;

/** Personalisation of chain randomness (the numbering is consensus-critical). */
public enum DomainSeparationTag {
    TICKET_PRODUCTION(1),
    ELECTION_PROOF_PRODUCTION(2),
    WINNING_POST_CHALLENGE_SEED(3),
    WINDOWED_POST_CHALLENGE_SEED(4),
    SEAL_RANDOMNESS(5),
    INTERACTIVE_SEAL_CHALLENGE_SEED(6),
    WINDOW_POST_DEADLINE_ASSIGNMENT(7),
    MARKET_DEAL_CRON_SEED(8),
    POST_CHAIN_COMMIT(9),
    EVM_PREV_RANDAO(10);

    private final int value;

    DomainSeparationTag(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
