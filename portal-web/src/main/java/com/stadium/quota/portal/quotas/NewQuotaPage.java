package com.stadium.quota.portal.quotas;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;
import com.stadium.quota.portal.admin.AllocationServiceClient.SectorAvailability;
import com.stadium.quota.portal.admin.QuotaServiceClient;
import com.stadium.quota.portal.admin.QuotaServiceClient.Created;
import com.stadium.quota.portal.admin.QuotaServiceClient.NewQuota;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Forms;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Creating a quota (several matches make a group): the form with the sectors of the chosen matches and their live free
 * counts beside the sector field (an htmx fragment, re-read when the chosen matches change), quota-service's reasons
 * next to the fields with everything typed kept, and on success the new quota's page, which follows the allocation.
 * Its own root resource: /admin/quotas/new is more specific than /admin/quotas/{quotaId}, so it owns GET and POST here.
 */
@Path("/admin/quotas/new")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class NewQuotaPage {

    private static final Logger LOG = Logger.getLogger(NewQuotaPage.class);
    static final List<String> ALGORITHMS = List.of("NM", "REDOM");
    /** The fields quota-service names in a refusal that the form shows next to an input of its own. */
    static final List<String> FIELDS = List.of("holderEmail", "holderName", "matchIds", "sectors", "quantity",
            "discountPercent", "algorithm", "expiresOn");

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

    /** What the admin typed, kept as typed when the form comes back. */
    public record Request(String holderEmail, String holderName, List<Long> matchIds, String sectors, String quantity,
            String discountPercent, String algorithm, String expiresOn, boolean delegate, boolean transferable,
            boolean allowPartial, boolean includeAccessible) {

        static Request blank(List<Long> matchIds) {
            return new Request("", "", matchIds, "", "2", "0", "NM", "", false, false, false, false);
        }

        public boolean chose(long matchId) {
            return matchIds.contains(matchId);
        }

        /** The sector codes as quota-service takes them: "W3, W2" or "W3 W2", in the typed order. */
        List<String> sectorCodes() {
            return Arrays.stream(sectors.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        }

        NewQuota toNewQuota() {
            return new NewQuota(holderEmail, holderName, matchIds, sectorCodes(), number(quantity),
                    number(discountPercent), algorithm, date(expiresOn), delegate, transferable, allowPartial,
                    includeAccessible);
        }
    }

    /** quota-service's reasons by field, and the ones the form has no field for. */
    public record Problems(Map<String, String> byField, List<String> other) {
        static Problems none() {
            return new Problems(Map.of(), List.of());
        }

        public String of(String field) {
            return byField.get(field);
        }

        public boolean any() {
            return !byField.isEmpty() || !other.isEmpty();
        }
    }

    /** A sector of the chosen matches with its fewest free seats among them (a group needs a seat free at each). */
    public record SectorFree(String sector, String category, int seats, int free, int accessibleFree) {
    }

    /** The sectors beside the field, or why they cannot be shown. */
    public record Sectors(List<SectorFree> sectors, boolean chosen, boolean unavailable) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(AdminSession.Admin admin, Formats formats, List<MatchView> matches,
                Request request, Problems problems, Sectors sectors, List<String> algorithms);

        static native TemplateInstance form$sectors(Sectors sectors);
    }

    @GET
    public TemplateInstance form(@QueryParam("match") List<String> matchIds) {
        return page(Request.blank(ids(matchIds)), Problems.none());
    }

    /** The sectors of the chosen matches with live free counts, for htmx when the chosen matches change. */
    @GET
    @Path("/sectors")
    public TemplateInstance sectors(@QueryParam("matchIds") List<String> matchIds) {
        return session.page(Templates.form$sectors(availability(ids(matchIds))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@FormParam("holderEmail") String holderEmail, @FormParam("holderName") String holderName,
            @FormParam("matchIds") List<String> matchIds, @FormParam("sectors") String sectors,
            @FormParam("quantity") String quantity, @FormParam("discountPercent") String discountPercent,
            @FormParam("algorithm") String algorithm, @FormParam("expiresOn") String expiresOn,
            @FormParam("delegate") boolean delegate, @FormParam("transferable") boolean transferable,
            @FormParam("allowPartial") boolean allowPartial, @FormParam("includeAccessible") boolean includeAccessible) {
        Request request = new Request(Forms.trim(holderEmail), Forms.trim(holderName), ids(matchIds),
                Forms.trim(sectors), Forms.trim(quantity), Forms.trim(discountPercent),
                // a form without the field (List.of(..).contains(null) throws) gets the default, not a 500
                algorithm != null && ALGORITHMS.contains(algorithm) ? algorithm : "NM", Forms.trim(expiresOn), delegate,
                transferable, allowPartial, includeAccessible);
        try {
            Created created = quotas.create(request.toNewQuota());
            return Response.seeOther(URI.create("/admin/quotas/" + created.quotas().get(0).id())).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            return page(request, problems(Refusal.of(e, json)));
        }
    }

    private TemplateInstance page(Request request, Problems problems) {
        return session.page(Templates.form(session.admin(), session.formats(),
                allocation.matchesIfAnswering(), request, problems,
                availability(request.matchIds()), ALGORITHMS));
    }

    static Problems problems(Refusal refusal) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (Refusal.Violation v : refusal.violations()) {
            if (v.field() != null && FIELDS.contains(v.field())) {
                byField.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
            } else {
                other.add(v.field() == null ? v.message() : v.field() + ": " + v.message());
            }
        }
        if (byField.isEmpty() && other.isEmpty()) {
            other.add("quota-service refused the quota (" + refusal.status() + ")");
        }
        return new Problems(byField, other);
    }


    /** The chosen matches' sectors, each with its fewest free seats over the matches, in allocation-service's order. */
    private Sectors availability(List<Long> matchIds) {
        if (matchIds.isEmpty()) {
            return new Sectors(List.of(), false, false);
        }
        try {
            Map<String, SectorFree> bySector = new LinkedHashMap<>();
            for (Long matchId : matchIds.stream().distinct().limit(10).toList()) {
                for (SectorAvailability s : allocation.availability(matchId).sectors()) {
                    bySector.merge(s.sector(), new SectorFree(s.sector(), s.category(), s.seats(), s.free(),
                            s.accessibleFree()), (a, b) -> new SectorFree(a.sector(), a.category(), a.seats(),
                                    Math.min(a.free(), b.free()), Math.min(a.accessibleFree(), b.accessibleFree())));
                }
            }
            return new Sectors(List.copyOf(bySector.values()), true, false);
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("no availability for matches %s: %s", matchIds, e.getMessage());
            return new Sectors(List.of(), true, true);
        }
    }

    /** The chosen match ids; a value that is not a number is dropped (quota-service then says what is missing). */
    private static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                ids.add(Long.valueOf(Forms.trim(value)));
            } catch (NumberFormatException notAnId) {
                // dropped, see above
            }
        }
        return ids;
    }

    /** A typed number; anything else is sent as missing, and quota-service names the field. */
    private static Integer number(String value) {
        try {
            return Integer.valueOf(Forms.trim(value));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
