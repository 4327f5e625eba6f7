package dev.granary.api;

import dev.granary.api.rpc.InvalidTokenException;
import dev.granary.api.rpc.JwtTokens;
import dev.granary.api.rpc.Permission;

/**
 * Turns an Authorization header into a permission, the way lotus does: no header means read-only access,
 * a header must carry a valid bearer token, and a bad token is refused outright rather than downgraded.
 */
public final class ApiAuth {
    private static final String BEARER = "Bearer ";

    private final JwtTokens tokens;

    public ApiAuth(JwtTokens tokens) {
        this.tokens = tokens;
    }

    public Permission permissionFor(String authorizationHeader) throws InvalidTokenException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Permission.READ;
        }
        if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException("Authorization header must be 'Bearer <token>'");
        }
        return tokens.verify(authorizationHeader.substring(BEARER.length()).strip());
    }

    public String createToken(Permission permission) {
        return tokens.create(permission);
    }
}
