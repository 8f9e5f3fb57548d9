package com.stadium.quota.portal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.claim.QrCodes;
import com.stadium.quota.portal.config.PortalConfig;
import com.stadium.quota.portal.live.LiveHub;

/**
 * The app's shell, manifest, configuration and QR codes. Every page of the app is the same shell (the app draws the
 * page from the address), so a push's link {@code /app/quotas/{id}} opens the right quota. All of it is public: the
 * data comes from quota-service, with the holder's token.
 */
@Path("/app")
public class AppPages {

    static final String MANIFEST_TYPE = "application/manifest+json";

    @Inject
    PortalConfig portal;

    @Inject
    ObjectMapper json;

    @Inject
    LiveHub hub;

    private final String shell = resource("app-shell.html");

    @GET
    @Path("/")
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return shell();
    }

    @GET
    @Path("/{page: open|signed-in|tickets|sign-in}")
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return shell();
    }

    @GET
    @Path("/quotas/{quotaId}")
    @Produces(MediaType.TEXT_HTML)
    public Response quota() {
        return shell();
    }

    @GET
    @Path("/quotas/{quotaId}/{step: claim|send}")
    @Produces(MediaType.TEXT_HTML)
    public Response quotaStep() {
        return shell();
    }

    @GET
    @Path("/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response config() {
        Map<String, Object> config = new LinkedHashMap<>();
        PortalConfig.App app = portal.app();
        config.put("clubName", portal.club().name());
        config.put("timeZone", portal.club().timeZone().getId());
        config.put("portalUrl", portalUrl());
        config.put("quotaServiceUrl", AppAddresses.withoutSlash(app.quotaServiceUrl()));
        config.put("notificationAdapterUrl", AppAddresses.withoutSlash(app.notificationAdapterUrl()));
        config.put("realmUrl", AppAddresses.realmUrl(app));
        config.put("clientId", app.clientId());
        config.put("redirectUri", portalUrl() + "/app/signed-in");
        // the live stream starts from here, as a page's does from its render: nothing falls between data and stream
        config.put("liveSince", hub.position());
        return Response.ok(json(config)).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("/manifest.webmanifest")
    @Produces(MANIFEST_TYPE)
    public Response manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", portal.club().name() + " Tickets");
        manifest.put("short_name", "Tickets");
        manifest.put("description", "Your ticket quotas and tickets of " + portal.club().name()
                + ", also offline at the gate");
        manifest.put("id", "/app/");
        manifest.put("start_url", "/app/");
        manifest.put("scope", "/app/");
        manifest.put("display", "standalone");
        manifest.put("orientation", "portrait");
        manifest.put("theme_color", "#0b3d91");
        manifest.put("background_color", "#f4f5f7");
        manifest.put("lang", "en");
        manifest.put("icons", List.of(
                Map.of("src", "/app/icons/icon-192.png", "sizes", "192x192", "type", "image/png"),
                Map.of("src", "/app/icons/icon-512.png", "sizes", "512x512", "type", "image/png"),
                Map.of("src", "/app/icons/icon-maskable-512.png", "sizes", "512x512", "type", "image/png",
                        "purpose", "maskable")));
        return Response.ok(json(manifest), MANIFEST_TYPE).build();
    }

    /**
     * A ticket's QR code: the same picture as on the web portal and in the mail, so the app can keep it offline. With
     * {@code code} (the ticket's signed code, as quota-service gave it to the holder) it draws that; the address
     * changes with the code, so a re-assigned ticket's new code is a new picture, never a stale cached one.
     */
    @GET
    @Path("/qr/{ticketId}.svg")
    @Produces("image/svg+xml")
    public Response qr(@PathParam("ticketId") String ticketId, @QueryParam("code") String code) {
        UUID id;
        try {
            id = UUID.fromString(ticketId);
        } catch (IllegalArgumentException e) {
            return refused("ticketId: is not a ticket id");
        }
        if (code != null && !QrCodes.isCodeOf(id, code)) {
            return refused("code: is not the signed code of ticket " + id);
        }
        // the code carries no name; drawing it for anyone tells nothing the holder's phone does not already show
        return Response.ok(QrCodes.svg(code == null ? id.toString() : code, "QR code of the ticket"))
                .header("Cache-Control", "public, max-age=31536000, immutable").build();
    }

    private String portalUrl() {
        return AppAddresses.withoutSlash(portal.portal().url());
    }

    private static Response refused(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(reason).build();
    }

    private Response shell() {
        return Response.ok(shell).header("Content-Security-Policy",
                AppAddresses.contentSecurityPolicy(portal.app())).header("Cache-Control", "no-cache").build();
    }

    // portal-web's REST layer writes no JSON itself (its pages are HTML), so these few maps are written here
    private String json(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = AppPages.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
