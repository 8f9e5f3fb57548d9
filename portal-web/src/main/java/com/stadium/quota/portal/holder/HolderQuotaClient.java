package com.stadium.quota.portal.holder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.stadium.quota.portal.admin.SignedInUserToken;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** quota-service's holder API, called with the signed-in holder's own token. */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/holder/quotas")
public interface HolderQuotaClient {

    record Expiration(String state, Long daysLeft) {
    }

    record MyQuota(UUID id, String matchName, Instant kickoff, String state, int quantity,
            Map<String, Integer> ticketCounts, Expiration expiration) {
    }

    @GET
    List<MyQuota> mine();
}
