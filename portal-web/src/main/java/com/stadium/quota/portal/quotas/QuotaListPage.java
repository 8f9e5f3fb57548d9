package com.stadium.quota.portal.quotas;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;
import com.stadium.quota.portal.admin.QuotaServiceClient;
import com.stadium.quota.portal.admin.QuotaServiceClient.QuotaPage;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * The quotas list: filters, sort and page live in the address (a GET form), quota-service searches; each row counts
 * tickets per status and leads to the quota in one click.
 */
@Path("/admin/quotas")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class QuotaListPage {

    static final List<String> STATUSES = List.of("ALLOCATED", "RESERVED", "SOLD", "CANCELLED");

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    QuotaServiceClient quotas;

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    @Inject
    ObjectMapper json;

    /** The shown page in numbers: the rows' counts summed, and which of all results these are. */
    public record Totals(long total, int from, int to, int quantity, List<Integer> counts, int lastPage) {
        static Totals of(QuotaPage page) {
            List<Integer> counts = STATUSES.stream()
                    .map(status -> page.items().stream().mapToInt(q -> q.count(status)).sum()).toList();
            int from = page.items().isEmpty() ? 0 : page.page() * page.size() + 1;
            return new Totals(page.total(), from, from + page.items().size() - (page.items().isEmpty() ? 0 : 1),
                    page.items().stream().mapToInt(q -> q.quantity()).sum(), counts,
                    (int) Math.max(0, (page.total() - 1) / page.size()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession.Admin admin, Formats formats, QuotaFilter filter,
                List<MatchView> matches, QuotaPage result, Totals totals, List<String> statuses,
                List<String> problems);
    }

    @GET
    public TemplateInstance list(@QueryParam("match") String match, @QueryParam("holder") String holder,
            @QueryParam("state") String state, @QueryParam("sector") String sector,
            @QueryParam("expiring") String expiring, @QueryParam("sort") String sort,
            @QueryParam("dir") String direction, @QueryParam("page") String page) {
        QuotaFilter filter = QuotaFilter.of(match, holder, state, sector, expiring, sort, direction, page);
        QuotaPage result;
        List<String> problems = List.of();
        try {
            result = quotas.quotas(filter.match(), filter.holder(), filter.state(), filter.sector(), filter.expiring(),
                    filter.page(), QuotaFilter.PAGE_SIZE, filter.sort(), filter.direction());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            problems = Refusal.of(e, json).reasons();
            result = new QuotaPage(List.of(), 0, QuotaFilter.PAGE_SIZE, 0);
        }
        return session.page(Templates.list(session.admin(), session.formats(), filter,
                allocation.matchesIfAnswering(), result,
                Totals.of(result), STATUSES, problems));
    }


}
