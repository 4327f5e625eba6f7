package dev.granary.chain.lotus;

import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.node.GranaryNode;
import dev.granary.node.TestConfigs;
import dev.granary.node.config.ChainConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A node with chain.url follows that Lotus node instead of running the devnet. */
@ExtendWith(VertxExtension.class)
class LotusNodeWiringTest {
    @Test
    void aNodeWithChainUrlTalksToLotusWithItsToken(Vertx vertx, @TempDir Path repo) throws Exception {
        RecordedLotusNode lotus = RecordedLotusNode.deploy(vertx);
        var config = TestConfigs.embedded().withChain(new ChainConfig(lotus.url(), RecordedLotusNode.TOKEN,
                DevnetConfig.manual()));
        GranaryNode node = GranaryNode.deploy(vertx, repo, config).await(30, TimeUnit.SECONDS);
        try {
            assertInstanceOf(LotusChain.class, node.chain());
            assertEquals(1, lotus.received("Filecoin.ChainNotify").size(), "heads are followed from startup");
            assertEquals(4863283, node.chain().head().await(10, TimeUnit.SECONDS).epoch());
            for (RecordedLotusNode.Received call : lotus.received("Filecoin.ChainHead")) {
                assertEquals("Bearer " + RecordedLotusNode.TOKEN, call.authorization());
            }
        } finally {
            node.stop("test").await(30, TimeUnit.SECONDS);
        }
    }
}
