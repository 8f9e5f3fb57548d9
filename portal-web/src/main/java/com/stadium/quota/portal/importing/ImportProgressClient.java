package com.stadium.quota.portal.importing;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * An import read without blocking and with the token handed in: the progress stream and the history's parallel
 * reads run outside the request that had the admin's token, where {@link ImportClient}'s header factory cannot look.
 */
@RegisterRestClient(configKey = "quota-service")
@Path("/api/admin/imports")
public interface ImportProgressClient {

    @GET
    @Path("/{id}")
    Uni<ImportClient.ImportView> detail(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer);
}
