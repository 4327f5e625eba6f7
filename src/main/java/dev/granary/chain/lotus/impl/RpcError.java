package dev.granary.chain.lotus.impl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC error object as go-jsonrpc writes it: method errors carry code 1 (or a code lotus registered for the
 * error type, like {@link #ACTOR_NOT_FOUND}) and the Go error text as message.
 */
public record RpcError(long code, String message) {
    /** lotus api.EActorNotFound (jsonrpc.FirstUserCode + 9), sent for StateLookupID's {@code ErrActorNotFound}. */
    public static final long ACTOR_NOT_FOUND = 11;

    /** go-jsonrpc auth.PermissionedProxy's refusal: {@code missing permission to invoke 'X' (need 'Y')}. */
    private static final Pattern MISSING_PERMISSION = Pattern.compile("missing permission to invoke '([^']*)' \\(need '([^']*)'\\)");
    private static final Pattern DEAL_NOT_FOUND = Pattern.compile("deal \\d+ not found");
    private static final Pattern SECTOR_NOT_IN_DEADLINES = Pattern.compile("sector \\d+ not due at any deadline");

    /** The permission lotus said the token lacks, or null when this is another error. */
    public String missingPermission() {
        Matcher m = MISSING_PERMISSION.matcher(message);
        return m.find() ? m.group(2) : null;
    }

    /** StateLookupID / StateVerifiedClientStatus for an address that has no actor yet. */
    public boolean actorNotFound() {
        return code == ACTOR_NOT_FOUND || message.contains("actor not found");
    }

    /** StateMarketStorageDeal for a deal the market actor does not hold (never published, or gone). */
    public boolean dealNotFound() {
        return DEAL_NOT_FOUND.matcher(message).find();
    }

    /** StateSectorPartition for a sector that is in no deadline (not proven, or terminated and compacted). */
    public boolean sectorNotInDeadlines() {
        return SECTOR_NOT_IN_DEADLINES.matcher(message).find();
    }
}
