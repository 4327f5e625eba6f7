package dev.granary.chain.lotus;

import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;

/** A message request shared by the tests that push. */
final class LotusChainMessageTestData {
    static final MessageRequest PUSH = new MessageRequest(Address.parse("f1dlifqjlikkfxtsynzqt33pnczsuy2xhwlabxz2i"),
            Address.parse("f05"), TokenAmount.ZERO, 4, new byte[]{(byte) 0x82, (byte) 0x81}, TokenAmount.ZERO);

    private LotusChainMessageTestData() {
    }
}
