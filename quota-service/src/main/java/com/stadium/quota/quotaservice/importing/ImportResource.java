package com.stadium.quota.quotaservice.importing;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.RateLimited;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admins' CSV import: template, upload with report and preview, confirm, progress and final report. */
@Path("/api/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "CSV imports (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    static final String CSV = "text/csv";

    @Inject
    QuotaServiceConfig config;

    @Inject
    Importer importer;

    @Inject
    ImportReports reports;

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    @GET
    @Path("/template")
    @Produces(CSV)
    @Operation(summary = "A CSV file to start from: every column and example lines (one a group over 3 matches)")
    public Response template() {
        LocalDate expiresOn = LocalDate.now(clock.withZone(config.club().timeZone())).plusDays(30);
        return Response.ok(ImportFormat.template(expiresOn))
                .header("Content-Disposition", "attachment; filename=\"quota-import-template.csv\"").build();
    }

    @POST
    @RateLimited("import-upload")
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a CSV file: every line is checked and previewed; nothing is created yet")
    @APIResponse(responseCode = "201", description = "stored with its report: VALIDATED (may be confirmed) or"
            + " INVALID (every problem by line and column)")
    @APIResponse(responseCode = "400", description = "not an import file: not UTF-8 text, over 1 MiB, unknown or"
            + " repeated column, no data line or more than 50")
    @APIResponse(responseCode = "429", description = "too many uploads from this address; Retry-After says when")
    @APIResponse(responseCode = "503", description = "allocation-service does not answer; nothing was stored")
    public Response upload(byte[] file, @QueryParam("fileName") String fileName) {
        QuotaImport upload = importer.upload(file, fileName, caller.getName());
        return Response.created(URI.create("/api/admin/imports/" + upload.id)).entity(reports.view(upload)).build();
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create every line's quotas together, or none; seats are then allocated within seconds")
    @APIResponse(responseCode = "200", description = "created; follow the progress on GET /api/admin/imports/{id}")
    @APIResponse(responseCode = "409", description = "nothing created: confirmed already, a line no longer passes"
            + " (named by line), or a flagged repeat was not decided on")
    public ImportReports.ImportView confirm(@PathParam("id") UUID id, Importer.Decisions decisions) {
        return reports.view(importer.confirm(id, decisions, caller.getName()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import: who, when, which file, its report, the quotas created and the allocation's"
            + " progress")
    public ImportReports.ImportView detail(@PathParam("id") UUID id) {
        return reports.view(find(id));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces(CSV)
    @Operation(summary = "Every problem of the import as CSV (line, column, value, reason), safe to open in a"
            + " spreadsheet")
    public Response errors(@PathParam("id") UUID id) {
        QuotaImport upload = find(id);
        return Response.ok(reports.errorsCsv(reports.view(upload))).header("Content-Disposition",
                "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @GET
    @Operation(summary = "The latest 100 imports, newest first")
    public List<ImportReports.ImportSummary> list() {
        return QuotaImport.findAll(Sort.descending("uploadedAt")).project(ImportReports.ImportSummary.class)
                .page(Page.ofSize(100)).list();
    }

    private static QuotaImport find(UUID id) {
        QuotaImport upload = QuotaImport.findById(id);
        if (upload == null) {
            throw new NotFoundException("no import " + id);
        }
        return upload;
    }
}
