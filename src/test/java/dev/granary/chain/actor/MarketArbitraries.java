package dev.granary.chain.actor;

import dev.granary.fuzz.FilecoinArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/** Generators for the market actor's params and returns. */
final class MarketArbitraries {
    private MarketArbitraries() {
    }

    static Arbitrary<AddBalanceParams> addBalance() {
        return FilecoinArbitraries.addresses().map(AddBalanceParams::new);
    }

    static Arbitrary<WithdrawBalanceParams> withdrawBalance() {
        return Combinators.combine(FilecoinArbitraries.addresses(), FilecoinArbitraries.tokenAmounts()).as(WithdrawBalanceParams::new);
    }

    static Arbitrary<WithdrawBalanceReturn> withdrawBalanceReturn() {
        return FilecoinArbitraries.tokenAmounts().map(WithdrawBalanceReturn::new);
    }

    static Arbitrary<PublishStorageDealsParams> publishStorageDeals() {
        return ActorArbitraries.clientProposals().list().ofMaxSize(3).map(PublishStorageDealsParams::new);
    }

    /** Valid positions among up to 40 proposals, with an ID for each. */
    static Arbitrary<PublishStorageDealsReturn> publishStorageDealsReturn() {
        return Combinators.combine(Arbitraries.integers().between(0, 39).list().ofMaxSize(40), FilecoinArbitraries.uint64s())
                .as((positions, firstId) -> {
                    BitField valid = BitField.of(positions.stream().mapToLong(Integer::longValue).toArray());
                    List<Long> ids = new ArrayList<>();
                    for (long i = 0; i < valid.count(); i++) {
                        ids.add(firstId + i);
                    }
                    return new PublishStorageDealsReturn(ids, valid);
                });
    }

    static Arbitrary<Long> dealIds() {
        return FilecoinArbitraries.uint64s();
    }
}
