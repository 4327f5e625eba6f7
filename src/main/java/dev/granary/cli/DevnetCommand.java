package dev.granary.cli;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigInteger;

/**
 * Controls of the embedded devnet on the running node (Granary.Devnet* over JSON-RPC): the faucet, escrow top-ups,
 * the miner's identity and the manual clock. A node that follows a real chain refuses them (exit 1).
 */
@Command(name = "devnet", mixinStandardHelpOptions = true, description = "Control the node's embedded devnet.",
        subcommands = {DevnetCommand.Fund.class, DevnetCommand.AddEscrow.class, DevnetCommand.Miner.class,
                DevnetCommand.Advance.class})
public final class DevnetCommand extends CommandGroup {

    /** A faucet payment: checks its arguments here, so a typo is a usage error rather than a failed call. */
    abstract static class FaucetCall extends NodeCall {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "Account to pay (f1/f3/f4 key address, or f0 ID).")
        String address;

        @Parameters(index = "1", paramLabel = "AMOUNT",
                description = "\"10 FIL\", \"0.5\" (FIL) or \"500 attoFIL\".")
        String amount;

        @Option(names = "--json", description = "Print the result as JSON: {\"id\", \"balance\", \"escrow\", \"locked\"} "
                + "(amounts in attoFIL).")
        boolean json;

        JsonObject pay(NodeClient node, String method) throws NodeClient.ClientException, UsageException {
            try {
                Address.parse(address);
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad address " + address + ": " + e.getMessage());
            }
            try {
                if (TokenAmount.parse(amount).signum() <= 0) {
                    throw new UsageException("AMOUNT must be positive, got " + amount);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad amount " + amount + ": " + e.getMessage());
            }
            return (JsonObject) node.call(method, address, amount);
        }
    }

    @Command(name = "fund", mixinStandardHelpOptions = true,
            description = "Send FIL from the devnet faucet to an address (creating its account).")
    static final class Fund extends FaucetCall {
        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException, UsageException {
            JsonObject funds = pay(node, "Granary.DevnetFund");
            out.println(json ? funds.encode()
                    : "funded " + address + " (" + funds.getString("id") + "): balance " + fil(funds.getString("balance")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "add-escrow", mixinStandardHelpOptions = true,
            description = "Pay faucet FIL into an address's market escrow (for deal clients and the miner).")
    static final class AddEscrow extends FaucetCall {
        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException, UsageException {
            JsonObject funds = pay(node, "Granary.DevnetAddEscrow");
            out.println(json ? funds.encode() : "escrow of " + address + " (" + funds.getString("id") + "): "
                    + fil(funds.getString("escrow")) + ", locked " + fil(funds.getString("locked")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "miner", mixinStandardHelpOptions = true,
            description = "Print the devnet miner: address, owner, worker, peer ID, sector size.")
    static final class Miner extends NodeCall {
        @Option(names = "--json", description = "Print the Granary.DevnetMiner result as JSON.")
        boolean json;

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException {
            JsonObject miner = (JsonObject) node.call("Granary.DevnetMiner");
            if (json) {
                out.println(miner.encode());
                return ExitCodes.OK;
            }
            out.printf("miner        %s%n", miner.getString("miner"));
            out.printf("owner        %s (%s)%n", miner.getString("owner"), miner.getString("ownerKey"));
            out.printf("worker       %s (%s)%n", miner.getString("worker"), miner.getString("workerKey"));
            out.printf("peer ID      %s%n", miner.getString("peerId"));
            out.printf("sector size  %d bytes%n", miner.getLong("sectorSize"));
            out.printf("balance      %s (locked %s)%n", fil(miner.getString("balance")), fil(miner.getString("locked")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "advance", mixinStandardHelpOptions = true,
            description = "Produce N devnet epochs now (the clock when chain.devnet.block-time is 0).")
    static final class Advance extends NodeCall {
        @Parameters(paramLabel = "N", description = "Epochs to produce, at least 1.")
        int epochs;

        @Option(names = "--json", description = "Print the new head as JSON, like `granary chain head --json`.")
        boolean json;

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException, UsageException {
            if (epochs < 1) {
                throw new UsageException("N must be at least 1, got " + epochs);
            }
            JsonObject head = (JsonObject) node.call("Granary.DevnetAdvance", epochs);
            out.println(json ? head.encode() : "epoch " + head.getLong("epoch"));
            return ExitCodes.OK;
        }
    }

    private static String fil(String attoFil) {
        return TokenAmount.ofAttoFil(new BigInteger(attoFil)).toFilString();
    }
}
