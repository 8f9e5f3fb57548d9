package com.stadium.quota.portal.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.importing.ImportClient.ImportSummary;
import com.stadium.quota.portal.importing.ImportClient.ImportView;
import com.stadium.quota.portal.importing.ImportForms.UploadProblem;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * The import wizard's start: the template to download, the upload form, and the history of imports, each leading
 * to its stored report. Its own root resource: /admin/imports/{importId} (the report) only takes ids, so the
 * template's literal path stays here.
 */
@Path("/admin/imports")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class ImportsPage {

    private static final Logger LOG = Logger.getLogger(ImportsPage.class);
    static final int PAGE_SIZE = 20;

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    ImportClient imports;

    @Inject
    ImportReader reader;

    @Inject
    ObjectMapper json;

    /** An import in the history, with the number of quotas it created (null: unknown right now). */
    public record HistoryLine(ImportSummary summary, Integer quotas) {
    }

    /** The history's page: its lines and where the other pages are (quota-service keeps the latest 100). */
    public record History(List<HistoryLine> lines, int page, int lastPage, boolean unavailable) {
    }

    /** Why the upload was not taken: the portal's own check, or quota-service's reasons for the whole file. */
    public record UploadRefusal(UploadProblem problem, String fileName, List<Refusal.Violation> reasons) {
        static UploadRefusal none() {
            return new UploadRefusal(null, null, List.of());
        }

        public boolean any() {
            return problem != null || !reasons.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(AdminSession.Admin admin, Formats formats, History history,
                UploadRefusal refusal);
    }

    @GET
    public TemplateInstance start(@QueryParam("page") String page) {
        return page(UploadRefusal.none(), page);
    }

    /** quota-service's template, handed on as a download. */
    @GET
    @Path("/template")
    @Produces(ImportClient.CSV)
    public Response template() {
        return Response.ok(imports.template(), ImportClient.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"quota-import-template.csv\"").build();
    }

    /**
     * The chosen file goes to quota-service as it is; the portal refuses only what it can tell from outside (no file,
     * over 1 MiB, not named .csv). A file quota-service cannot read at all comes back with its reasons.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestForm("file") FileUpload file) {
        String fileName = file == null ? null : file.fileName();
        Optional<UploadProblem> problem = ImportForms.check(fileName, file == null ? 0 : file.size());
        if (problem.isPresent()) {
            return page(new UploadRefusal(problem.get(), fileName, List.of()), null);
        }
        try {
            ImportView uploaded = imports.upload(fileName, Files.readAllBytes(file.uploadedFile()));
            return Response.seeOther(URI.create("/admin/imports/" + uploaded.id())).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            return page(new UploadRefusal(null, fileName, reasons(e)), null);
        }
    }

    private TemplateInstance page(UploadRefusal refusal, String page) {
        return session.page(Templates.start(session.admin(), session.formats(), history(page), refusal));
    }

    /** quota-service's reasons for refusing a whole file, with line and column where it gave them. */
    private List<Refusal.Violation> reasons(WebApplicationException e) {
        Refusal refusal = Refusal.of(e, json);
        return refusal.violations().isEmpty() ? List.of(new Refusal.Violation("file", "quota-service refused the file ("
                + refusal.status() + ")", null, null)) : refusal.violations();
    }

    /**
     * One page of the history. quota-service's list does not count the quotas an import created, so each confirmed
     * import of the page is read, all at once.
     */
    private History history(String pageParam) {
        List<ImportSummary> all;
        try {
            all = imports.list();
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("quota-service's import list is unavailable: %s", e.getMessage());
            return new History(List.of(), 0, 0, true);
        }
        int lastPage = Math.max(0, (all.size() - 1) / PAGE_SIZE);
        int page = Math.min(lastPage, pageNumber(pageParam));
        List<ImportSummary> shown = all.subList(Math.min(all.size(), page * PAGE_SIZE),
                Math.min(all.size(), (page + 1) * PAGE_SIZE));
        Map<UUID, Integer> quotas = reader.quotasCreated(shown.stream()
                .filter(s -> "CONFIRMED".equals(s.status())).toList());
        return new History(shown.stream().map(s -> new HistoryLine(s, "CONFIRMED".equals(s.status())
                ? quotas.get(s.id()) : Integer.valueOf(0))).toList(), page, lastPage, false);
    }

    private static int pageNumber(String value) {
        try {
            return Math.max(0, Integer.parseInt(value == null ? "0" : value.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
