package com.stadium.quota.quotaservice.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.stadium.quota.messaging.config.Stack;

import io.smallrye.config.ConfigMapping;

/**
 * quota-service's settings, every {@code suite.*} key (README, "Configuration"; a key this mapping does not know
 * stops the start). The values, with their profiles, are in application.properties (the one place of each default);
 * each is overridable by its environment variable, e.g. {@code SUITE_CLAIM_HOLD=10m}. Intervals of schedules with a
 * default of their own ({@code suite.refunds.poll-interval}, ...) are read by their annotation only.
 */
@ConfigMapping(prefix = "suite")
public interface QuotaServiceConfig {

    Club club();

    Notice notice();

    Expiration expiration();

    ClaimSettings claim();

    Payment payment();

    Demo demo();

    Transfer transfer();

    TicketCodeKeys ticketCode();

    Race race();

    TokenCache tokenCache();

    /** Keycloak's base address (the realm is quarkus.keycloak.admin-client.realm). */
    Stack.Address keycloak();

    /** allocation-service, for the import's seat preview (quarkus.rest-client.allocation-service.url). */
    Stack.Address allocationService();

    Stack.Postgres postgres();

    Stack.Kafka kafka();

    /** What the club's people see. */
    interface Club {

        /** Dates (a quota's expiry, "today") are the club's, in this zone. */
        ZoneId timeZone();
    }

    interface Notice {

        /** The language of a person's messages when none is stored for them (a BCP 47 tag). */
        String defaultLocale();
    }

    interface Expiration {

        /** A quota shows "expiring soon" this many days before its expiration date. */
        int soonDays();
    }

    interface ClaimSettings {

        /** How long selected tickets stay RESERVED before the hold lapses. */
        Duration hold();

        /** How long a started payment may stay unanswered before its tickets are released. */
        Duration paymentTimeout();

        /** How often lapsed holds and payments are looked for (read by the schedule). */
        Duration expiryCheck();
    }

    interface Payment {

        /** The currency of every price and payment. */
        String currency();

        /** Where a payer may be sent back to after the payment page; anything else is refused. */
        List<String> returnUrlPrefixes();

        /** Signs the payment service's callbacks (production: from the environment, shared with that service). */
        String callbackSecret();

        Sandbox sandbox();

        /** The stand-in payment service of local runs and tests. */
        interface Sandbox {

            /** Serve the sandbox's pages and answer payments with it. */
            boolean enabled();

            /** The sandbox's payment page, which a payer is sent to. */
            String pageUrl();

            /** How long starting a payment takes (to try the suite against a slow payment service). */
            Duration startDelay();
        }
    }

    /** Giving a sold ticket to another attendee (issue 21). */
    interface Transfer {

        /** Re-assignment closes this long before kick-off. */
        Duration cutoff();
    }

    /** The Ed25519 keys of the signed ticket codes (README, "Verifiable tickets"); production: from the environment. */
    interface TicketCodeKeys {

        /** The id of the key that signs new codes (1-32 of a-z, 0-9, - and _); its public key must be listed. */
        String keyId();

        /** The signing key: base64 PKCS#8 DER ({@code openssl genpkey -algorithm ed25519 -outform DER | base64}). */
        String privateKey();

        /** The public keys gates honour, base64 X.509 DER by key id: the current one and those not yet retired. */
        Map<String, String> publicKeys();
    }

    /** The concurrency proof's control run (issue 17): see {@code race.RaceProtection}. */
    interface Race {

        /**
         * Lets an admin turn the race protection off at runtime (PUT /api/admin/race-protection), for tests and
         * benchmarks; the start fails when it is true in a profile other than dev and test.
         */
        boolean protectionSwitch();
    }

    /** Bearer tokens checked once per token, not on every request ({@code bearer.KnownTokens}; issue 16). */
    interface TokenCache {

        /** Reuse a verified token's identity; false has Quarkus OIDC check every request. */
        boolean enabled();

        /** The most tokens kept at once (a few kilobytes each); the least used leave first. */
        int maxSize();

        /** The longest a check is reused (never past the token's expiry), e.g. after the realm drops a signing key. */
        Duration maxAge();
    }

    /** Demo quotas for a newcomer (dev only). */
    interface Demo {

        /** Make them once allocation-service has its demo matches. */
        boolean enabled();

        /** How often to try again until those matches are there (read by the schedule). */
        Duration retry();
    }
}
