package dev.granary.cli;

import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Client commands for the running node's libp2p host, answered over JSON-RPC (Granary.NetId, Granary.NetPeers,
 * Granary.NetPing).
 */
@Command(name = "net", mixinStandardHelpOptions = true, description = "Inspect and test the node's libp2p host.",
        subcommands = {NetCommand.Id.class, NetCommand.Peers.class, NetCommand.Ping.class})
public final class NetCommand extends CommandGroup {

    @Command(name = "id", mixinStandardHelpOptions = true,
            description = "Print the running node's peer ID and listen addresses.")
    static final class Id implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Option(names = "--json", description = "Print the Granary.NetId result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try {
                JsonObject id = (JsonObject) NodeClient.fromRepo(repo.path()).call("Granary.NetId");
                if (json) {
                    System.out.println(id.encode());
                } else {
                    System.out.println(id.getString("ID"));
                    id.getJsonArray("Addrs", new JsonArray()).forEach(address -> System.out.println("  " + address));
                }
                return ExitCodes.OK;
            } catch (NodeClient.ClientException e) {
                System.err.println("granary: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "peers", mixinStandardHelpOptions = true,
            description = "List the peers the running node is connected to: peer ID, their address, direction, streams.")
    static final class Peers implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Option(names = "--json", description = "Print the Granary.NetPeers result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try {
                JsonArray peers = (JsonArray) NodeClient.fromRepo(repo.path()).call("Granary.NetPeers");
                if (json) {
                    System.out.println(peers.encode());
                } else {
                    for (Object item : peers) {
                        JsonObject peer = (JsonObject) item;
                        JsonArray addresses = peer.getJsonArray("Addrs", new JsonArray());
                        System.out.printf("%s  %s  %s  streams=%d%n", peer.getString("ID"),
                                addresses.isEmpty() ? "-" : addresses.getString(0), peer.getString("Direction"),
                                peer.getInteger("Streams"));
                    }
                }
                return ExitCodes.OK;
            } catch (NodeClient.ClientException e) {
                System.err.println("granary: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "ping", mixinStandardHelpOptions = true,
            description = "Have the running node ping a peer over /ipfs/ping/1.0.0 and print each round-trip time.")
    static final class Ping implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Parameters(paramLabel = "MULTIADDR", description = "Peer address ending in /p2p/<peer id>.")
        String address;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Pings to send (default 1).")
        int count;

        @Option(names = "--json", description = "Print one JSON object per ping: {\"Peer\", \"RttNanos\"}.")
        boolean json;

        @Override
        public Integer call() {
            String peer;
            try {
                // Checked here so a typo is a usage error (exit 2), not a failed ping.
                peer = Multiaddr.parse(address).peerId().map(Object::toString).orElseThrow(
                        () -> new IllegalArgumentException("it does not end in /p2p/<peer id>"));
            } catch (IllegalArgumentException e) {
                System.err.println("granary: bad multiaddr " + address + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (count < 1) {
                System.err.println("granary: --count must be at least 1");
                return ExitCodes.USAGE;
            }
            try {
                NodeClient client = NodeClient.fromRepo(repo.path());
                for (int i = 0; i < count; i++) {
                    long nanos = ((Number) client.call("Granary.NetPing", address)).longValue();
                    System.out.println(json ? new JsonObject().put("Peer", peer).put("RttNanos", nanos).encode()
                            : "pong from " + peer + " in " + String.format(Locale.ROOT, "%.2f", nanos / 1e6) + " ms");
                }
                return ExitCodes.OK;
            } catch (NodeClient.ClientException e) {
                System.err.println("granary: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }
}
