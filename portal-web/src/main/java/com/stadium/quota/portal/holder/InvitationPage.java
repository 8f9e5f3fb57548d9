package com.stadium.quota.portal.holder;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.edge.CorrelationIds;
import com.stadium.quota.portal.config.PortalConfig;
import com.stadium.quota.portal.web.Club;
import com.stadium.quota.portal.web.Languages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The deeplink of the invitation mail. The token is kept in a short-lived cookie and the browser goes to /holder,
 * where Quarkus starts its own code flow for the holder tenant; that tenant's authorization endpoint is
 * {@code /invitation/authorize} below, which has quota-service redeem the token (Keycloak impersonation) instead of
 * showing a login page, and sends the browser back with Keycloak's code. Quarkus then checks its state, exchanges
 * the code with the portal's secret and opens its usual session: no session cookie is forged here.
 */
@Path("/invitation")
public class InvitationPage {

    private static final Logger LOG = Logger.getLogger(InvitationPage.class);
    static final String COOKIE = "q_invitation";

    @Inject
    PortalConfig config;

    @Inject
    @RestClient
    SignInClient signIn;

    @Inject
    @RestClient
    MasqueradeClient masquerade;

    @Inject
    HandOverKey handOver;

    @Inject
    Club club;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invalid(boolean tryLater, Club club, String reference);

        static native TemplateInstance masqueradeRefused(String holderEmail, boolean tryLater, String reference);
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return refusal(false);
        }
        // the link's token travels to our authorization step only, never to a page or a log
        NewCookie invitation = new NewCookie.Builder(COOKIE).value(token).path("/invitation").maxAge(300)
                .httpOnly(true).secure(config.portal().url().startsWith("https:"))
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create("/holder")).cookie(invitation).build();
    }

    /** The holder tenant's authorization endpoint: a code for the deeplink's holder, or Keycloak's own login. */
    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@CookieParam(COOKIE) String token,
            @CookieParam(MasqueradeStart.COOKIE) String masqueradeId, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String codeChallengeMethod,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        if (redirectUri == null || !redirectUri.startsWith(config.portal().url() + "/holder")) {
            return refusal(false);
        }
        if (masqueradeId != null && !masqueradeId.isBlank()) {
            return masquerade(masqueradeId, clientId, redirectUri, state, codeChallenge, codeChallengeMethod);
        }
        if (token == null || token.isBlank()) {
            // no deeplink in this browser: a holder with a password signs in at Keycloak as usual
            return Response.seeOther(URI.create(config.keycloak().url() + "/realms/quota/protocol/openid-connect/auth?"
                    + uri.getRequestUri().getRawQuery())).build();
        }
        NewCookie used = new NewCookie.Builder(COOKIE).value("").path("/invitation").maxAge(0).httpOnly(true).build();
        try {
            SignInClient.SignedIn signedIn = signIn.redeem(new SignInClient.Redeem(token, clientId, redirectUri,
                    codeChallenge, codeChallengeMethod, state));
            return Response.seeOther(back(signedIn)).cookie(used).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            LOG.warnf("refused a deeplink: quota-service answered %d %s", status, answer(e, token));
            return Response.fromResponse(refusal(status >= 500)).cookie(used).build();
        } catch (ProcessingException e) {
            LOG.warnf("refused a deeplink: quota-service does not answer (%s)", without(e.getMessage(), token));
            return Response.fromResponse(refusal(true)).cookie(used).build();
        }
    }

    private Response masquerade(String id, String clientId, String redirectUri, String state, String codeChallenge,
            String codeChallengeMethod) {
        NewCookie used = new NewCookie.Builder(MasqueradeStart.COOKIE).value("").path("/invitation").maxAge(0)
                .httpOnly(true).build();
        MasqueradeHandOver.Pending pending = handOver.get().open(id).orElse(null);
        if (pending == null) {
            return Response.seeOther(URI.create("/admin")).cookie(used).build();
        }
        try {
            SignInClient.SignedIn signedIn = masquerade.start("Bearer " + pending.adminAccessToken(),
                    new MasqueradeClient.Masquerade(pending.holderEmail(), clientId, redirectUri, codeChallenge,
                            codeChallengeMethod, state));
            return Response.seeOther(back(signedIn)).cookie(used).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            LOG.warnf("refused a masquerade as %s: quota-service answered %d %s", pending.holderEmail(), status,
                    answer(e, pending.adminAccessToken()));
            return Response.status(status >= 500 ? 503 : 403).type(MediaType.TEXT_HTML)
                    .entity(Templates.masqueradeRefused(pending.holderEmail(), status >= 500,
                            CorrelationIds.current()).setLocale(Languages.pick(headers.getAcceptableLanguages()))
                            .render()).cookie(used).build();
        } catch (ProcessingException e) {
            LOG.warnf("refused a masquerade as %s: quota-service does not answer (%s)", pending.holderEmail(),
                    without(e.getMessage(), pending.adminAccessToken()));
            return Response.fromResponse(refusal(true)).cookie(used).build();
        }
    }

    /** quota-service's refusal (its problem body names the reason and Keycloak's answer), for the log: no secret. */
    static String answer(WebApplicationException e, String secret) {
        String body;
        try {
            body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        return without(body.length() > 500 ? body.substring(0, 500) + "…" : body, secret);
    }

    /** The text with {@code secret} (a deeplink's token, a bearer token) cut out, should anyone ever echo it. */
    static String without(String text, String secret) {
        return text == null || secret == null || secret.isEmpty() ? text : text.replace(secret, "[secret]");
    }

    private static URI back(SignInClient.SignedIn signedIn) {
        return URI.create(signedIn.redirectUri() + (signedIn.redirectUri().contains("?") ? "&" : "?") + "code="
                + URLEncoder.encode(signedIn.code(), StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(signedIn.state(), StandardCharsets.UTF_8));
    }

    private Response refusal(boolean tryLater) {
        return Response.status(tryLater ? 503 : 404).type(MediaType.TEXT_HTML)
                .entity(Templates.invalid(tryLater, club, tryLater ? CorrelationIds.current() : null).setLocale(Languages.pick(headers.getAcceptableLanguages()))
                        .render()).build();
    }
}
