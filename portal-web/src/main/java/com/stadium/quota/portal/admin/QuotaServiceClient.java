package com.stadium.quota.portal.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** quota-service's admin API, called with the signed-in admin's own token. */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/admin/quotas")
public interface QuotaServiceClient {

    record QuotaSummary(UUID id, long matchId, String holderEmail, String holderName, int quantity,
            String algorithm, String state, LocalDate expiresOn) {
    }

    record QuotaPage(List<QuotaSummary> items, int page, int size, long total) {
    }

    @GET
    QuotaPage quotas(@QueryParam("page") int page, @QueryParam("size") int size);
}
