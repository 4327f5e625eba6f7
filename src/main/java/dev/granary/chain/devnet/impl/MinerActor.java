package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;

/** The storage miner actor (f01000). */
final class MinerActor implements BuiltinActor {
    @Override
    public byte[] invoke(Invocation call) {
        throw new ActorError(ExitCode.ERR_UNHANDLED_MESSAGE, "miner actor has no method " + call.method());
    }
}
