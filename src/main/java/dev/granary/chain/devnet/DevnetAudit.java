package dev.granary.chain.devnet;

import dev.granary.filecoin.TokenAmount;

/**
 * The devnet's books, for tests that check money is never created or lost.
 *
 * @param totalBalances sum of every actor's balance; always {@link DevnetEconomics#TOTAL_SUPPLY}
 * @param marketBalance the market actor's balance; always the sum of all escrow
 * @param totalEscrow   sum of every actor's market escrow
 * @param totalLocked   sum of the locked part of it
 * @param burnt         what f099 holds
 * @param minerBalance  the miner actor's balance
 * @param minerLocked   what its sectors hold (deposits and pledges); never more than its balance
 * @param negativeEntries how many escrow entries are negative or lock more than they hold; always 0
 */
public record DevnetAudit(TokenAmount totalBalances, TokenAmount marketBalance, TokenAmount totalEscrow,
                          TokenAmount totalLocked, TokenAmount burnt, TokenAmount minerBalance, TokenAmount minerLocked,
                          int negativeEntries) {
}
