package com.stadium.quota.portal.holder;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Masquerades asked for on the admin page and not yet started: the admin's access token waits here, under a random
 * id kept in the admin's browser, for the holder sign-in step that hands it to quota-service. Kept in this instance's
 * memory for two minutes at most and used once; several portal instances need sticky sessions for this step.
 */
@ApplicationScoped
public class Masquerades {

    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An admin's request to act as a holder. */
    public record Pending(String adminAccessToken, String holderEmail, Instant until) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public String put(String adminAccessToken, String holderEmail) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.until().isBefore(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(id, new Pending(adminAccessToken, holderEmail, now.plus(LIFETIME)));
        return id;
    }

    public Optional<Pending> take(String id) {
        return Optional.ofNullable(id == null ? null : pending.remove(id))
                .filter(p -> p.until().isAfter(Instant.now()));
    }
}
