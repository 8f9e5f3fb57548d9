package com.stadium.quota.portal.holder;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * An admin with the masquerade role asks to act as a holder: the request waits in {@link Masquerades} and the
 * browser goes through the holder sign-in, whose authorization step starts the masquerade at quota-service.
 */
@Path("/admin/masquerade")
@RolesAllowed("quota-masquerade")
public class MasqueradeStart {

    static final String COOKIE = "q_masquerade";

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    Masquerades masquerades;

    @ConfigProperty(name = "suite.portal.url")
    String portalUrl;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("holderEmail") String holderEmail) {
        if (holderEmail == null || holderEmail.isBlank() || holderEmail.length() > 320) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        String id = masquerades.put(accessToken.getToken(), holderEmail.trim());
        NewCookie pending = new NewCookie.Builder(COOKIE).value(id).path("/invitation")
                .maxAge((int) Masquerades.LIFETIME.toSeconds()).httpOnly(true)
                .secure(portalUrl.startsWith("https:")).sameSite(NewCookie.SameSite.LAX).build();
        // a holder session already open in this browser would skip the sign-in: end it
        NewCookie holderSession = new NewCookie.Builder("q_session_holder").value("").path("/").maxAge(0).build();
        return Response.seeOther(URI.create("/holder")).cookie(pending, holderSession).build();
    }
}
