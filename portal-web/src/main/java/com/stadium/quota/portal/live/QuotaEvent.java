package com.stadium.quota.portal.live;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of suite-messaging's {@code QuotaChanged} a live stream needs: which quota, its parent, whose it is and
 * what changed. Read from the envelope's JSON (portal-web has no database, so it does not take suite-messaging's
 * outbox along); only the holder's email stays inside the portal, pages get {@link #data()}.
 */
public record QuotaEvent(UUID quotaId, UUID parentId, String holderEmail, String change) {

    static final String TYPE = "quota.changed";

    /** A quota.changed envelope's event; any other type, or a message that is not one, gives nothing. */
    public static Optional<QuotaEvent> read(String message, ObjectMapper json) {
        try {
            JsonNode envelope = json.readTree(message);
            JsonNode payload = envelope == null ? null : envelope.get("payload");
            if (payload == null || !TYPE.equals(envelope.path("type").asText()) || !payload.hasNonNull("quotaId")) {
                return Optional.empty();
            }
            return Optional.of(new QuotaEvent(UUID.fromString(payload.get("quotaId").asText()),
                    payload.hasNonNull("parentId") ? UUID.fromString(payload.get("parentId").asText()) : null,
                    payload.path("holderEmail").asText(null), payload.path("change").asText(null)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** What a page or the app is sent: no email, nothing but which quota and what changed. */
    public String data() {
        return "{\"quotaId\":\"" + quotaId + "\",\"parentId\":" + (parentId == null ? "null" : "\"" + parentId + "\"")
                + ",\"change\":" + (change == null ? "null" : "\"" + change.replaceAll("[^A-Z_]", "") + "\"") + "}";
    }
}
