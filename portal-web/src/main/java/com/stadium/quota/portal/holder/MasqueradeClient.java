package com.stadium.quota.portal.holder;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** quota-service's masquerade, called with the admin's own token (Keycloak checks and records the admin). */
@RegisterRestClient(configKey = "quota-service")
@Path("/api/admin/masquerade")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MasqueradeClient {

    record Masquerade(String holderEmail, String clientId, String redirectUri, String codeChallenge,
            String codeChallengeMethod, String state) {
    }

    @POST
    SignInClient.SignedIn start(@HeaderParam("Authorization") String bearer, Masquerade request);
}
