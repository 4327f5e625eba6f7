package dev.granary.chain.devnet.impl;

/** An actor with methods: returns the method's CBOR return (empty for none) or throws {@link ActorError}. */
interface BuiltinActor {
    byte[] invoke(Invocation call);
}
