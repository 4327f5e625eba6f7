package dev.granary.chain.devnet;

import dev.granary.chain.CollateralBounds;
import dev.granary.filecoin.TokenAmount;

import java.math.BigInteger;

/**
 * The devnet's money rules, simpler than mainnet's and fixed, so a test can compute every balance.
 *
 * <ul>
 *   <li>Supply: {@link #TOTAL_SUPPLY} exists from genesis, held by the reserve actor f090 that the faucet pays from.
 *       Every actor balance, the market's escrow (held in f05's balance) and burnt funds (f099) add up to it, always.</li>
 *   <li>Gas: a flat gas-used per message ({@link #SEND_GAS} for a plain transfer, {@link #METHOD_GAS} for an actor
 *       method), GasLimit 25 % above it as lotus estimates; the base fee and premium are zero, so gas costs nothing
 *       and no fee is ever charged.</li>
 *   <li>Provider collateral: at least {@link #PROVIDER_COLLATERAL_PER_BYTE} attoFIL per padded byte of the piece,
 *       verified or not, at most the total supply (the actor's bound). Unlike lotus, no 10 % headroom is added:
 *       devnet bounds never drift.</li>
 *   <li>Sector money: a pre-commit deposit of {@link #PRE_COMMIT_DEPOSIT_PER_BYTE} attoFIL per sector byte; at
 *       prove-commit it becomes the sector's initial pledge (no further funds are taken). A lapsed pre-commit's
 *       deposit is burnt; a terminated or expired sector's pledge is released to the miner's available balance (no
 *       termination fee). Faults cost nothing.</li>
 *   <li>Deals: the client locks the whole storage fee and its collateral, the provider its collateral. An activated
 *       deal pays the provider its whole storage fee at its end epoch (mainnet pays in installments) and unlocks
 *       both collaterals. A deal not activated by its start epoch is dropped: the client's funds are unlocked and the
 *       provider's collateral burnt. A deal in a terminated sector pays for the epochs it was active, refunds the
 *       rest to the client and burns the provider's collateral.</li>
 * </ul>
 */
public final class DevnetEconomics {
    /** All the FIL there is (the actors' TOTAL_FILECOIN). */
    public static final TokenAmount TOTAL_SUPPLY = TokenAmount.ofFil(2_000_000_000L);
    /** Given to the miner's owner and worker keys at genesis. */
    public static final TokenAmount GENESIS_KEY_FUNDS = TokenAmount.ofFil(1_000);
    public static final long SEND_GAS = 500_000;
    public static final long METHOD_GAS = 10_000_000;
    public static final long PROVIDER_COLLATERAL_PER_BYTE = 1_000_000;
    public static final long PRE_COMMIT_DEPOSIT_PER_BYTE = 1_000;

    private DevnetEconomics() {
    }

    public static CollateralBounds providerCollateralBounds(long paddedPieceSize) {
        return new CollateralBounds(TokenAmount.ofAttoFil(
                BigInteger.valueOf(paddedPieceSize).multiply(BigInteger.valueOf(PROVIDER_COLLATERAL_PER_BYTE))),
                TOTAL_SUPPLY);
    }

    public static TokenAmount preCommitDeposit(long sectorSize) {
        return TokenAmount.ofAttoFil(BigInteger.valueOf(sectorSize)
                .multiply(BigInteger.valueOf(PRE_COMMIT_DEPOSIT_PER_BYTE)));
    }

    /** Gas a message to {@code method} uses. */
    public static long gasUsed(long method) {
        return method == 0 ? SEND_GAS : METHOD_GAS;
    }

    /** The GasLimit the devnet sets when it builds a message: 25 % over what it will use. */
    public static long gasLimit(long method) {
        return gasUsed(method) * 5 / 4;
    }
}
