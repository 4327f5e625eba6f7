package dev.granary.chain.devnet.impl;

import dev.granary.chain.devnet.DevnetConfig;

import java.util.List;
import java.util.Map;

/** The devnet's state with its actors wired to it: everything that runs synchronously on the devnet context. */
final class DevnetRuntime {
    final DevnetState state;
    final DevnetConfig config;
    final Accounts accounts;
    final Escrow escrow;
    final DealLifecycle deals;
    final MessagePool pool;
    final FaultRules faults = new FaultRules();
    final EpochProducer producer;

    DevnetRuntime(DevnetState state, DevnetConfig config) {
        this.state = state;
        this.config = config;
        this.accounts = new Accounts(state);
        this.escrow = new Escrow(state);
        this.deals = new DealLifecycle(state, accounts, escrow);
        this.pool = new MessagePool(state, accounts);
        MarketActor market = new MarketActor(state, accounts, escrow, new DealValidation(accounts, config.policy()));
        SealInputs seal = new SealInputs(state, config.policy());
        MinerActor miner = new MinerActor(state, new PreCommits(state, accounts, deals, config.policy()),
                new ProveCommits(state, deals, seal, config.policy()), deals);
        MessageExecutor executor = new MessageExecutor(state, accounts,
                Map.of(ActorKind.MARKET, market, ActorKind.MINER, miner), faults);
        this.producer = new EpochProducer(state, pool, executor,
                List.of(deals::cron, new MinerCron(state, accounts, config.policy())), config.inclusionDelay());
    }
}
