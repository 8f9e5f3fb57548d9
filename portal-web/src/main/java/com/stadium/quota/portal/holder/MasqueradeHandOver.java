package com.stadium.quota.portal.holder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A masquerade asked for on the admin page, handed to the holder sign-in step in the admin's own browser: the admin's
 * access token and the holder's email, sealed with AES-GCM (encrypted and authenticated) into a cookie that lives two
 * minutes. Nothing stays in a portal instance's memory, so any instance behind a load balancer can finish the step.
 * Plain Java: the key comes from configuration.
 */
public final class MasqueradeHandOver {

    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final Clock clock;

    /** An admin's request to act as a holder. */
    public record Pending(String adminAccessToken, String holderEmail, Instant until) {
    }

    public MasqueradeHandOver(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the hand-over secret needs at least 16 characters");
        }
        try {
            // a 256-bit key from a configured secret of any length
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(("masquerade-hand-over:" + secret).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.clock = clock;
    }

    /** The cookie value for a masquerade asked for now. */
    public String seal(String adminAccessToken, String holderEmail) {
        String plain = clock.instant().plus(LIFETIME).getEpochSecond() + "\n" + holderEmail + "\n" + adminAccessToken;
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] value = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, value, 0, nonce.length);
            System.arraycopy(sealed, 0, value, nonce.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The masquerade in a cookie, if it was sealed with this key, is intact and has not lapsed. */
    public Optional<Pending> open(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 8192) {
            return Optional.empty();
        }
        try {
            byte[] value = Base64.getUrlDecoder().decode(cookie);
            if (value.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, value, 0, NONCE_BYTES));
            String[] parts = new String(cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES),
                    StandardCharsets.UTF_8).split("\n", 3);
            Instant until = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (parts.length != 3 || !until.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Pending(parts[2], parts[1], until));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException tampered) {
            return Optional.empty();
        }
    }
}
