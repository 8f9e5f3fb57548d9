package com.stadium.quota.portal.holder;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.stadium.quota.portal.config.PortalConfig;
import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuota;
import com.stadium.quota.portal.holder.HolderSession.Viewer;
import com.stadium.quota.portal.holder.QuotaView.CardView;
import com.stadium.quota.portal.holder.QuotaView.MatchView;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The holder's dashboard: their quotas by match, each ticket as a card, counts per status, what they passed on;
 * and, while an admin acts as them, the way back to the admin's own pages.
 */
@Path("/holder")
@RolesAllowed("quota-holder")
@Produces(MediaType.TEXT_HTML)
public class HolderPage {

    @Inject
    PortalConfig config;

    @Inject
    HolderSession session;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @ConfigProperty(name = "quarkus.oidc.holder.client-id")
    String clientId;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Viewer viewer, List<MatchView> matches, Done done);

        static native TemplateInstance dashboard$quota(Viewer viewer, QuotaView quota);
    }

    /** What the holder just did, said once at the top of the dashboard; a re-assignment names its card as it is now. */
    public record Done(String kind, String to, int count, String from, CardView card) {
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("done") String done, @QueryParam("to") String to,
            @QueryParam("count") int count, @QueryParam("from") String from, @QueryParam("ticket") UUID ticket) {
        List<MyQuota> mine = quotas.mine();
        List<QuotaView> views = mine.stream().map(q -> view(q.id())).toList();
        CardView card = views.stream().flatMap(v -> v.cards().stream()).filter(c -> c.id().equals(ticket))
                .findFirst().orElse(null);
        String kind = done == null || ("reassigned".equals(done) && card == null) ? "" : done;
        return session.page(Templates.dashboard(session.viewer(), QuotaView.byMatch(views, mine),
                new Done(kind, to == null ? "" : to, count, from == null ? "" : from, card)));
    }

    /**
     * Ends the holder session an admin opened by acting as a holder and takes the admin back to the admin pages:
     * Keycloak ends the holder's session (id_token_hint) and returns the browser to /admin, where the admin's own
     * portal session still holds; if Keycloak ended that too meanwhile, /admin asks the admin to sign in.
     */
    @POST
    @Path("/stop-acting")
    public Uni<Response> stopActing() {
        if (!session.viewer().masquerade()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/holder")).build());
        }
        String hint = idToken.getRawToken();
        URI endSession = URI.create(config.keycloak().url() + "/realms/quota/protocol/openid-connect/logout?client_id="
                + encode(clientId) + "&id_token_hint=" + encode(hint) + "&post_logout_redirect_uri="
                + encode(config.portal().url() + "/admin"));
        return oidcSession.logout().map(done -> Response.seeOther(endSession).build());
    }

    private QuotaView view(UUID id) {
        return QuotaView.of(quotas.detail(id), session.formats(), session.now());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
