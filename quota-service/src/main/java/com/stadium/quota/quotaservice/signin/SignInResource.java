package com.stadium.quota.quotaservice.signin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.holder.HolderAccounts;
import com.stadium.quota.quotaservice.invitation.Invitation;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.RateLimited;
import com.stadium.quota.web.Unavailable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * Turns a deeplink (the holder) or a masquerade (an admin acting as a holder) into a Keycloak authorization code for
 * the portal or the app; the caller exchanges it at Keycloak's token endpoint with its own secret or PKCE verifier.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    /** The one answer for every link that opens nothing, so a guess learns nothing. */
    static final String LINK_NOT_VALID = "this link is not valid (any more); ask the club for a new one";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RedeemedLinks redeemedLinks;

    @Inject
    Invitations invitations;

    @Inject
    HolderAccounts accounts;

    @Inject
    KeycloakSessions sessions;

    @Inject
    Keycloak keycloak;

    @Inject
    Audit audit;

    @Inject
    JsonWebToken caller;

    /** A deeplink to redeem, and the authorization request of the client that will hold the session. */
    public record Redeem(String token, String clientId, String redirectUri, String codeChallenge,
            String codeChallengeMethod, String state) {
    }

    /** An admin's request to act as a holder, for the given client. */
    public record Masquerade(String holderEmail, String clientId, String redirectUri, String codeChallenge,
            String codeChallengeMethod, String state) {
    }

    /** The code to exchange at Keycloak's token endpoint (with the same redirect URI), and whose session it is. */
    public record SignedIn(String code, String redirectUri, String state, UUID quotaId, String email) {
    }

    @POST
    @Path("/invitations/redeem")
    @PermitAll
    @RateLimited("redeem")
    @Tag(name = "Sign-in (holder)")
    @Operation(summary = "Redeem a deeplink: a Keycloak authorization code for the holder, without a password")
    @APIResponse(responseCode = "200", description = "the code, for the caller to exchange with its own credentials")
    @APIResponse(responseCode = "400", description = "a client or redirect Keycloak does not accept, named")
    @APIResponse(responseCode = "404", description = "the link is unknown, revoked or replaced (one answer for all)")
    @APIResponse(responseCode = "429", description = "too many redemptions from this address; Retry-After says when")
    @APIResponse(responseCode = "503", description = "Keycloak does not answer; try again")
    public SignedIn redeem(Redeem body) {
        if (body == null) {
            throw InvalidInput.notFound("token", LINK_NOT_VALID);
        }
        Invitation invitation = invitations.open(body.token())
                .orElseThrow(() -> InvalidInput.notFound("token", LINK_NOT_VALID));
        AuthorizationRequest request = authorization(body.clientId(), body.redirectUri(), body.codeChallenge(),
                body.codeChallengeMethod(), body.state());
        Quota quota = QuarkusTransaction.requiringNew().call(() -> Quota.findById(invitation.quotaId));
        String userId = accounts.accountFor(invitation.email, quota == null ? invitation.email : quota.holderName);
        String code;
        try {
            // this service's own account: Keycloak lets it impersonate members of holders only
            code = sessions.codeFor(keycloak.tokenManager().getAccessTokenString(), userId, request);
        } catch (ForbiddenException | NotAuthorizedException | ProcessingException e) {
            // a refusal here means the realm or this service's account is wrong, not the link: only a retry helps
            throw new Unavailable("keycloak", e);
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(invitation.quotaId, invitation.email, "REDEEMED",
                Map.of("clientId", request.clientId())));
        redeemedLinks.count();
        return new SignedIn(code, request.redirectUri(), request.state(), invitation.quotaId, invitation.email);
    }

    @POST
    @Path("/admin/masquerade")
    @RolesAllowed("quota-masquerade")
    @SecurityRequirement(name = "SecurityScheme")
    @Tag(name = "Masquerade (admin)")
    @Operation(summary = "Act as a holder: a Keycloak authorization code for the holder's session, naming the admin "
            + "as impersonator; the admin's own Keycloak session ends (Keycloak's rule for impersonation)")
    @APIResponse(responseCode = "200", description = "the code, for the caller to exchange")
    @APIResponse(responseCode = "400", description = "a client or redirect Keycloak does not accept, named")
    @APIResponse(responseCode = "403", description = "not allowed to masquerade, or Keycloak refused it")
    @APIResponse(responseCode = "404", description = "no holder with this email")
    public SignedIn masquerade(Masquerade body) {
        String email = body == null ? null : QuotaRules.normalEmail(body.holderEmail());
        if (email == null) {
            throw InvalidInput.of("holderEmail", "is required");
        }
        if (!QuotaRules.isEmail(email)) {
            // Keycloak refuses a search for a huge or odd "email" as an error, not as "nobody"
            throw InvalidInput.of("holderEmail", "is not an email address");
        }
        AuthorizationRequest request = authorization(body.clientId(), body.redirectUri(), body.codeChallenge(),
                body.codeChallengeMethod(), body.state());
        // looked up with this service's account, which sees holders only: an admin's email is "no holder"
        List<UserRepresentation> found;
        try {
            found = keycloak.realm(sessions.realm()).users().searchByEmail(email, true);
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unavailable("keycloak", e);
        }
        if (found.isEmpty()) {
            throw InvalidInput.notFound("holderEmail", "is not the email of a holder");
        }
        // the admin's own token: Keycloak checks their right and names them in the holder's tokens
        String code = sessions.codeFor(caller.getRawToken(), found.get(0).getId(), request);
        QuarkusTransaction.requiringNew().run(() -> audit.record(null, caller.getName(), email,
                "MASQUERADE_STARTED", Map.of("clientId", request.clientId())));
        return new SignedIn(code, request.redirectUri(), request.state(), null, email);
    }

    private static AuthorizationRequest authorization(String clientId, String redirectUri, String codeChallenge,
            String codeChallengeMethod, String state) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 100) {
            throw InvalidInput.of("clientId", "is required");
        }
        if (redirectUri == null || redirectUri.isBlank() || redirectUri.length() > 2000) {
            throw InvalidInput.of("redirectUri", "is required");
        }
        if (codeChallengeMethod != null && !codeChallengeMethod.equals("S256")) {
            throw InvalidInput.of("codeChallengeMethod", "must be S256");
        }
        if (codeChallenge != null && (codeChallenge.length() < 43 || codeChallenge.length() > 128)) {
            throw InvalidInput.of("codeChallenge", "must be a PKCE S256 challenge (43 to 128 characters)");
        }
        if (state != null && state.length() > 500) {
            throw InvalidInput.of("state", "is too long");
        }
        return new AuthorizationRequest(clientId, redirectUri, codeChallenge, codeChallengeMethod,
                state == null || state.isBlank() ? randomState() : state);
    }

    private static String randomState() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
