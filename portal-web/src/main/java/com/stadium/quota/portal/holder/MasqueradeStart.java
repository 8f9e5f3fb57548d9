package com.stadium.quota.portal.holder;

import java.net.URI;
import java.util.List;

import com.stadium.quota.portal.config.PortalConfig;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * An admin with the masquerade role asks to act as a holder: the request travels sealed in a short-lived cookie
 * ({@link MasqueradeHandOver}) through the holder sign-in, whose authorization step starts the masquerade at
 * quota-service.
 */
@Path("/admin/masquerade")
@RolesAllowed("quota-masquerade")
public class MasqueradeStart {

    static final String COOKIE = "q_masquerade";

    @Inject
    PortalConfig config;

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    HandOverKey handOver;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("holderEmail") String holderEmail) {
        if (holderEmail == null || holderEmail.isBlank() || holderEmail.length() > 320) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        NewCookie pending = new NewCookie.Builder(COOKIE)
                .value(handOver.get().seal(accessToken.getToken(), holderEmail.trim())).path("/invitation")
                .maxAge((int) MasqueradeHandOver.LIFETIME.toSeconds()).httpOnly(true)
                .secure(config.portal().url().startsWith("https:")).sameSite(NewCookie.SameSite.LAX).build();
        // a holder session already open in this browser would skip the sign-in: end it (Quarkus splits a large
        // session cookie into numbered chunks)
        Response.ResponseBuilder answer = Response.seeOther(URI.create("/holder")).cookie(pending);
        for (String name : List.of("q_session_holder", "q_session_holder_chunk_1", "q_session_holder_chunk_2",
                "q_session_holder_chunk_3", "q_session_holder_chunk_4")) {
            answer.cookie(new NewCookie.Builder(name).value("").path("/holder").maxAge(0).build());
        }
        return answer.build();
    }
}
