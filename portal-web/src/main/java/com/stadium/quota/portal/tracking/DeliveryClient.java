package com.stadium.quota.portal.tracking;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.stadium.quota.portal.admin.SignedInUserToken;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** notification-adapter's invitation deliveries, up to {@link #MAX_QUOTAS} quotas a call, with the admin's token. */
@RegisterRestClient(configKey = "notification-adapter")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/admin/notifications")
public interface DeliveryClient {

    int MAX_QUOTAS = 200;

    /**
     * The latest invitation message of a quota and the counts of all of them; status is PENDING, SENT or FAILED
     * (refused by the mail server, or given up after the retries), null when none was asked for.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(String quotaId, String kind, String recipientEmail, String status, int attempts,
            String lastError, Instant receivedAt, Instant sentAt, int messages, int sent, int failed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deliveries(List<Delivery> quotas) {
    }

    @GET
    @Path("/deliveries")
    Deliveries deliveries(@QueryParam("quotaId") List<String> quotaIds);
}
