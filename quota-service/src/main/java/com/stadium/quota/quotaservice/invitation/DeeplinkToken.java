package com.stadium.quota.quotaservice.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A deeplink token: 256 random bits, URL-safe; only its SHA-256 is kept, so a stolen database opens no link. */
public record DeeplinkToken(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static DeeplinkToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new DeeplinkToken(value, hashOf(value));
    }

    /** The hash a presented token is looked up by. */
    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
