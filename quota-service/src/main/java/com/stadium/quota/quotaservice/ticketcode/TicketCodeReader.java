package com.stadium.quota.quotaservice.ticketcode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a scanned code and checks its signature against the public keys by key id: the current one and those still
 * honoured after a rotation (a code signed before the rotation stays valid while its key is listed).
 */
public final class TicketCodeReader {

    /** A code whose signature checked out, or why it did not. */
    public sealed interface Reading {
    }

    /** Signed by one of our keys; only now may the payload be believed. */
    public record Signed(TicketCode code, String keyId) implements Reading {
    }

    /** Not a code of ours: not in the format, signed with a key we do not know, or a signature that does not fit. */
    public record Unsigned(Problem problem, String detail) implements Reading {
    }

    /** Why a code could not be believed. */
    public enum Problem {
        /** Not {@code v1.<kid>.<payload>.<signature>} with a payload of ours. */
        MALFORMED,
        /** Well-formed, but no key of this id is honoured. */
        UNKNOWN_KEY,
        /** The signature does not fit the payload: tampered with or forged. */
        BAD_SIGNATURE
    }

    /** Longer than any code we write: no need to look further (a QR scanner may hand over anything). */
    static final int MAX_LENGTH = 400;

    private final Map<String, PublicKey> keys;

    /** @param keys the honoured public keys by key id */
    public TicketCodeReader(Map<String, PublicKey> keys) {
        keys.keySet().forEach(kid -> {
            if (!TicketCode.KEY_ID.matcher(kid).matches()) {
                throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, - or _: " + kid);
            }
        });
        this.keys = Map.copyOf(keys);
    }

    public Reading read(String scanned) {
        if (scanned == null || scanned.length() > MAX_LENGTH) {
            return new Unsigned(Problem.MALFORMED, "not a ticket code");
        }
        String[] parts = scanned.strip().split("\\.", -1);
        if (parts.length != 4 || !TicketCode.FORMAT.equals(parts[0]) || !TicketCode.KEY_ID.matcher(parts[1])
                .matches()) {
            return new Unsigned(Problem.MALFORMED, "not a ticket code");
        }
        var code = TicketCode.ofPayload(parts[2]);
        if (code.isEmpty()) {
            return new Unsigned(Problem.MALFORMED, "not a ticket code");
        }
        PublicKey key = keys.get(parts[1]);
        if (key == null) {
            return new Unsigned(Problem.UNKNOWN_KEY, "signed with key " + parts[1] + ", which is not honoured");
        }
        return verifies(key, parts) ? new Signed(code.get(), parts[1])
                : new Unsigned(Problem.BAD_SIGNATURE, "the signature does not fit the ticket");
    }

    private static boolean verifies(PublicKey key, String[] parts) {
        try {
            byte[] signatureBytes = Base64.getUrlDecoder().decode(parts[3]);
            Signature signature = Signature.getInstance(TicketKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // not base64, a signature of the wrong length: just a signature that does not fit
            return false;
        }
    }
}
