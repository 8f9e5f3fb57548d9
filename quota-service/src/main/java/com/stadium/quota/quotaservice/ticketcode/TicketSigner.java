package com.stadium.quota.quotaservice.ticketcode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Writes ticket codes signed with the current key, named by its key id (see {@link TicketCode} for the format). */
public final class TicketSigner {

    private final String keyId;
    private final PrivateKey key;

    public TicketSigner(String keyId, PrivateKey key) {
        if (keyId == null || !TicketCode.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, - or _: " + keyId);
        }
        if (!TicketKeys.ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("ticket codes are signed with Ed25519, not " + key.getAlgorithm());
        }
        this.keyId = keyId;
        this.key = key;
    }

    public String keyId() {
        return keyId;
    }

    /** The code for the QR: {@code v1.<kid>.<payload>.<signature>}. */
    public String sign(TicketCode code) {
        String signed = TicketCode.FORMAT + "." + keyId + "." + code.payload();
        try {
            Signature signature = Signature.getInstance(TicketKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId, e);
        }
    }
}
