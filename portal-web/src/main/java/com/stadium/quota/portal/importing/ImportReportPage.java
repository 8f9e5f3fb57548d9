package com.stadium.quota.portal.importing;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.importing.ImportClient.ImportView;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * One import's report: every problem by line, column, value and reason; each valid line's seats now (the upload's
 * dry run) and the match that blocks a multi-match line; decisions on repeats; confirm; then the allocation's
 * progress, pushed as server-sent events until every quota is settled, and the final report. The id is a UUID in
 * the path, so /admin/imports/template stays with {@link ImportsPage}.
 */
@Path("/admin/imports/{importId: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class ImportReportPage {

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    ImportClient imports;

    @Inject
    ImportReader reader;

    @Inject
    ObjectMapper json;

    /** What the confirm form asks again: the flags still undecided, or quota-service's reasons for refusing. */
    public record ConfirmProblems(List<Integer> undecidedLines, boolean fileUndecided, List<String> refused) {
        static ConfirmProblems none() {
            return new ConfirmProblems(List.of(), false, List.of());
        }

        public boolean undecided(int line) {
            return undecidedLines.contains(line);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(AdminSession.Admin admin, Formats formats, ImportReport report,
                ConfirmProblems problems);

        static native TemplateInstance report$live(ImportReport report, Formats formats);

        static native TemplateInstance report$progress(ImportReport.LiveProgress progress);
    }

    @GET
    public TemplateInstance report(@PathParam("importId") UUID importId) {
        return page(imports.detail(importId), ConfirmProblems.none());
    }

    /**
     * Confirms with the admin's decisions on repeats; every flag must be decided first. quota-service refuses with
     * 409 naming the lines when something changed since the upload; the page then shows its reasons.
     */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object confirm(@PathParam("importId") UUID importId, MultivaluedMap<String, String> form) {
        ImportView view = imports.detail(importId);
        ImportReport report = new ImportReport(view);
        ImportForms.Decided decided = ImportForms.decide(form, report.lineFlags(), report.fileFlags());
        if (!decided.complete()) {
            return page(view, new ConfirmProblems(decided.undecidedLines(), decided.fileUndecided(), List.of()));
        }
        try {
            imports.confirm(importId, decided.decisions());
            return Response.seeOther(URI.create("/admin/imports/" + importId)).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 409 && status != 400) {
                throw e;
            }
            List<String> reasons = Refusal.of(e, json).violations().stream()
                    .map(v -> v.line() == null ? v.message() : "line " + v.line() + ": " + v.message()).toList();
            return page(imports.detail(importId), new ConfirmProblems(List.of(), false,
                    reasons.isEmpty() ? List.of("quota-service refused the confirm (" + status + ")") : reasons));
        }
    }

    /** quota-service's errors.csv, handed on as a download. */
    @GET
    @Path("/errors.csv")
    @Produces(ImportClient.CSV)
    public Response errors(@PathParam("importId") UUID importId) {
        return Response.ok(imports.errorsCsv(importId), ImportClient.CSV + ";charset=UTF-8").header(
                "Content-Disposition", "attachment; filename=\"import-" + importId + "-errors.csv\"").build();
    }

    /**
     * The allocation's progress as server-sent events: about once a second an event "progress" (the progress block's
     * inside), and when no quota waits any more one event "done" (the final report block), then the stream ends.
     * A read that fails is skipped; the next one tries again.
     */
    @GET
    @Path("/progress")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> progress(@PathParam("importId") UUID importId, @Context Sse sse) {
        Formats formats = session.formats();
        return reader.follow(importId).map(view -> event(sse, new ImportReport(view), formats));
    }

    private static OutboundSseEvent event(Sse sse, ImportReport report, Formats formats) {
        if (ImportReport.settled(report.view())) {
            return sse.newEventBuilder().name("done").data(Templates.report$live(report, formats)
                    .setLocale(formats.locale()).render()).build();
        }
        return sse.newEventBuilder().name("progress").data(Templates.report$progress(report.progress())
                .setLocale(formats.locale()).render()).build();
    }

    private TemplateInstance page(ImportView view, ConfirmProblems problems) {
        return session.page(Templates.report(session.admin(), session.formats(), new ImportReport(view), problems));
    }
}
