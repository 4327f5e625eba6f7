package dev.granary.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a Granary node on its repo.",
                "Config layers: conf/granary.yaml defaults <- DIR/config <- GRANARY_<SECTION>_<KEY> env <- these flags."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Option(names = "--api-listen", paramLabel = "HOST:PORT", description = "HTTP API address (api.listen); port 0 picks a free port.")
    String apiListen;

    @Option(names = "--p2p-listen", paramLabel = "MULTIADDR", description = "libp2p listen address (p2p.listen).")
    String p2pListen;

    @Option(names = "--store-url", paramLabel = "URL", description = "Store (store.url): empty for SQLite, or postgres://user@host:port/db.")
    String storeUrl;

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>();
        putIfSet(overrides, "api.listen", apiListen);
        putIfSet(overrides, "p2p.listen", p2pListen);
        putIfSet(overrides, "store.url", storeUrl);
        return new NodeProcess(repo.path(), overrides).run();
    }

    private static void putIfSet(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
