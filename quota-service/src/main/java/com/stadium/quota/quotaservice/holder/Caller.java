package com.stadium.quota.quotaservice.holder;

import java.util.Map;

import com.stadium.quota.quotaservice.quota.QuotaRules;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * Who is acting on a holder's quotas: the holder themself, or an admin masquerading as them. Keycloak puts an
 * {@code impersonator} claim into tokens of a session that someone else started; a deeplink session is started by
 * a service account for the holder, so only a person as impersonator means masquerade.
 *
 * @param email the holder acted for (normalised)
 * @param actor who the audit log names: the holder, or the masquerading admin
 */
public record Caller(String email, String actor, boolean masquerading) {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    /** The caller of a token's claims; null email when the token has none. */
    public static Caller of(String email, Object impersonator) {
        String holder = QuotaRules.normalEmail(email);
        String admin = impersonatorName(impersonator);
        if (admin == null || admin.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return new Caller(holder, holder, false);
        }
        return new Caller(holder, admin, true);
    }

    /** Whom the audit log records as acted for: the holder while an admin masquerades, otherwise nobody. */
    public String onBehalfOf() {
        return masquerading ? email : null;
    }

    private static String impersonatorName(Object impersonator) {
        if (impersonator instanceof Map<?, ?> map && map.get("username") instanceof String name && !name.isBlank()) {
            return name;
        }
        if (impersonator instanceof JsonObject json && json.get("username") instanceof JsonString name
                && !name.getString().isBlank()) {
            return name.getString();
        }
        return null;
    }
}
