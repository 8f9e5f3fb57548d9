package com.stadium.quota.portal.quotas;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.QuotaServiceClient;
import com.stadium.quota.portal.admin.QuotaServiceClient.CancelEffect;
import com.stadium.quota.portal.admin.QuotaServiceClient.CancelRequest;
import com.stadium.quota.portal.admin.QuotaServiceClient.QuotaDetail;
import com.stadium.quota.portal.web.Formats;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * Cancelling a quota or its whole group: the dialog explains both options and shows the exact effect of each, as
 * quota-service's dry run computes it with the same cancellation plan as the real thing; the confirmation then shows
 * what was done, in the same words. Without the dry run the dialog says the effect cannot be shown right now.
 */
@Path("/admin/quotas/{quotaId}/cancel")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class CancelDialog {

    private static final Logger LOG = Logger.getLogger(CancelDialog.class);
    static final List<String> SCOPES = List.of("UNFULFILLED_ONLY", "ALL_UNUSED");

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    QuotaServiceClient quotas;

    /** One option of the dialog with its effect, if quota-service could say it. */
    public record Option(String scope, Optional<CancelEffect> effect) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dialog(AdminSession.Admin admin, Formats formats, QuotaDetail detail,
                boolean group, List<Option> options);

        static native TemplateInstance done(AdminSession.Admin admin, Formats formats, QuotaDetail detail,
                boolean group, CancelEffect effect);
    }

    @GET
    public TemplateInstance dialog(@PathParam("quotaId") UUID quotaId, @QueryParam("group") boolean group) {
        QuotaDetail detail = quotas.detail(quotaId);
        boolean wholeGroup = group && detail.quota().groupId() != null;
        List<Option> options = SCOPES.stream().map(scope -> new Option(scope, preview(detail, wholeGroup, scope)))
                .toList();
        return session.page(Templates.dialog(session.admin(), session.formats(), detail, wholeGroup, options));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance cancel(@PathParam("quotaId") UUID quotaId, @FormParam("scope") String scope,
            @FormParam("group") boolean group) {
        QuotaDetail detail = quotas.detail(quotaId);
        boolean wholeGroup = group && detail.quota().groupId() != null;
        CancelRequest request = new CancelRequest(SCOPES.contains(scope) ? scope : "UNFULFILLED_ONLY");
        CancelEffect effect = wholeGroup ? quotas.cancelGroup(detail.quota().groupId(), request)
                : quotas.cancel(quotaId, request);
        return session.page(Templates.done(session.admin(), session.formats(), quotas.detail(quotaId), wholeGroup,
                effect));
    }

    /** The dry run's answer; none when quota-service cannot give it (not there yet, or not answering). */
    private Optional<CancelEffect> preview(QuotaDetail detail, boolean group, String scope) {
        try {
            CancelRequest request = new CancelRequest(scope);
            return Optional.of(group ? quotas.previewGroupCancel(detail.quota().groupId(), request)
                    : quotas.previewCancel(detail.quota().id(), request));
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("no cancellation preview for %s (%s): %s", detail.quota().id(), scope, e.getMessage());
            return Optional.empty();
        }
    }
}
