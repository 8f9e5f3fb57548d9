package com.stadium.quota.portal.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The admin dashboard: who is signed in, the upcoming matches and the latest quotas. */
@Path("/admin")
@RolesAllowed("quota-manager")
public class AdminPage {

    private static final Logger LOG = Logger.getLogger(AdminPage.class);

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    QuotaServiceClient quotas;

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(AdminSession.Admin admin, Optional<List<AllocationServiceClient.MatchView>> matches,
                Optional<QuotaServiceClient.QuotaPage> quotas);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        return session.page(Templates.dashboard(session.admin(), fetch("allocation-service", allocation::matches),
                fetch("quota-service", () -> quotas.quotas(null, null, null, null, null, 0, 10, "createdAt", "desc"))));
    }

    /** A service that is down leaves its panel empty with a notice instead of failing the whole page. */
    private static <T> Optional<T> fetch(String service, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RuntimeException e) {
            LOG.warnf("%s unavailable for the dashboard: %s", service, e.getMessage());
            return Optional.empty();
        }
    }
}
