package dev.granary.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A blocking JSON-RPC client for CLI commands. Finds the node through GRANARY_API / GRANARY_TOKEN, else the
 * repo's api and token files, the way lotus clients use FULLNODE_API_INFO or the repo.
 */
final class NodeClient {
    private final URI endpoint;
    private final String token;
    // HTTP/1.1: the default h2c upgrade buys nothing for one small call and lost the reply of Granary.Shutdown
    // when the server went away right after answering
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    NodeClient(String apiUrl, String token) {
        this.endpoint = URI.create(apiUrl.strip().replaceAll("/+$", "") + "/rpc/v0");
        this.token = token == null ? null : token.strip();
    }

    static NodeClient fromRepo(Path repo) throws ClientException {
        String api = System.getenv("GRANARY_API");
        String token = System.getenv("GRANARY_TOKEN");
        if (api == null || api.isBlank()) {
            api = read(repo.resolve("api"), "node API address (is `granary run` running on this repo?)");
        }
        if (token == null || token.isBlank()) {
            token = read(repo.resolve("token"), "admin token");
        }
        return new NodeClient(api, token);
    }

    Object call(String method, Object... params) throws ClientException {
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonArray(java.util.List.of(params)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.encode()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClientException("cannot reach the node at " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
        return result(response);
    }

    private Object result(HttpResponse<String> response) throws ClientException {
        JsonObject body;
        try {
            body = new JsonObject(response.body());
        } catch (DecodeException | ClassCastException e) {
            throw new ClientException("node answered HTTP " + response.statusCode() + " with a non-JSON body");
        }
        JsonObject error = body.getJsonObject("error");
        if (error != null) {
            throw new ClientException(error.getString("message") + " (code " + error.getInteger("code") + ")");
        }
        return body.getValue("result");
    }

    private static String read(Path file, String what) throws ClientException {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new ClientException("no " + what + " at " + file);
        }
    }

    static final class ClientException extends Exception {
        ClientException(String message) {
            super(message);
        }
    }
}
