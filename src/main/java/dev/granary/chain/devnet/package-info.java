/**
 * The embedded devnet: an in-process simulated Filecoin chain behind the {@link dev.granary.chain.ChainApi} port,
 * the default when no {@code chain.url} is configured.
 *
 * <ul>
 *   <li>{@link dev.granary.chain.devnet.DevnetChain}: the adapter and its operator/test controls (clock, faucet,
 *       miner, message reports, {@link dev.granary.chain.devnet.DevnetFaults failure injection}).</li>
 *   <li>{@link dev.granary.chain.devnet.DevnetConfig} and {@link dev.granary.chain.devnet.DevnetPolicy}: how it runs
 *       and the rules its actors enforce; {@link dev.granary.chain.devnet.DevnetEconomics}: its money rules (gas,
 *       collateral, deposits, payments, burns).</li>
 *   <li>{@link dev.granary.chain.devnet.DevnetRandomness}: tipset keys and randomness from the seed;
 *       {@link dev.granary.chain.devnet.MockPoRep}: the proof the mock sealer makes and the miner actor checks.</li>
 * </ul>
 *
 * The state and the actors themselves are in {@code impl}; all of it runs on one worker verticle.
 */
package dev.granary.chain.devnet;
