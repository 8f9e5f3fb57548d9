package com.stadium.quota.portal.holder;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One quota's section of the dashboard, for the page to refresh in place (htmx). Its own root resource: JAX-RS picks
 * the most specific root path, so under /holder/quotas/{id} it must sit beside the claim and send pages.
 */
@Path("/holder/quotas/{quotaId}")
@RolesAllowed("quota-holder")
@Produces(MediaType.TEXT_HTML)
public class QuotaSection {

    @Inject
    HolderSession session;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    @GET
    @Path("/section")
    public TemplateInstance section(@PathParam("quotaId") UUID quotaId) {
        return session.page(HolderPage.Templates.dashboard$quota(session.viewer(), QuotaView.of(quotas.detail(quotaId),
                session.formats(), session.now())));
    }
}
