package com.stadium.quota.portal.holder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in holder's quotas, with a banner when an admin is acting as them (masquerade). */
@Path("/holder")
@RolesAllowed("quota-holder")
public class HolderPage {

    private static final Logger LOG = Logger.getLogger(HolderPage.class);

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    /** Who the page is for, and the person acting for them when it is not them. */
    public record Holder(String name, String email, Optional<String> actingAdmin) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quotas(Holder holder, Optional<List<HolderQuotaClient.MyQuota>> quotas);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance quotas() {
        Holder holder = new Holder(Optional.ofNullable(idToken.<String>getClaim("name")).orElse(idToken.getName()),
                idToken.getClaim("email"), actingAdmin(idToken.getClaim("impersonator")));
        Optional<List<HolderQuotaClient.MyQuota>> mine;
        try {
            mine = Optional.of(quotas.mine());
        } catch (RuntimeException e) {
            LOG.warnf("quota-service unavailable for the holder page: %s", e.getMessage());
            mine = Optional.empty();
        }
        return Templates.quotas(holder, mine);
    }

    /** A person who impersonates (masquerade); a deeplink's session names the service account, not a person. */
    static Optional<String> actingAdmin(Object impersonator) {
        String username = null;
        if (impersonator instanceof JsonObject object && object.get("username") != null) {
            username = object.getString("username", null);
        } else if (impersonator instanceof Map<?, ?> map && map.get("username") != null) {
            username = String.valueOf(map.get("username"));
        }
        return Optional.ofNullable(username).filter(u -> !u.startsWith("service-account-"));
    }
}
