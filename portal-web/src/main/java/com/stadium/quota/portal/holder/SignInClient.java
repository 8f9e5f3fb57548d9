package com.stadium.quota.portal.holder;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** quota-service's deeplink redemption: public, the deeplink token is the credential. */
@RegisterRestClient(configKey = "quota-service")
@Path("/api/invitations/redeem")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SignInClient {

    record Redeem(String token, String clientId, String redirectUri, String codeChallenge, String codeChallengeMethod,
            String state) {
    }

    record SignedIn(String code, String redirectUri, String state, UUID quotaId, String email) {
    }

    @POST
    SignedIn redeem(Redeem request);
}
