package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What was sent to whom, for the admin portal ("invitation sent / failed"). */
@Path("/api/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Notifications (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationAdminResource {

    /** A notification and its delivery state. */
    public record NotificationView(UUID id, String kind, String recipientEmail, String quotaId,
            NotificationStatus status, int attempts, String lastError, Instant receivedAt, Instant sentAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.kind, n.recipientEmail, n.quotaId, n.status, n.attempts,
                    n.lastError, n.receivedAt, n.sentAt);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One notification by its id (the id of the request event)")
    public NotificationView get(@PathParam("id") UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null) {
            throw new NotFoundException("no notification " + id);
        }
        return NotificationView.of(notification);
    }

    @GET
    @Operation(summary = "The notifications of one quota, newest first")
    public List<NotificationView> byQuota(@QueryParam("quotaId") @NotBlank String quotaId) {
        return Notification.<Notification>list("quotaId = ?1 order by receivedAt desc", quotaId).stream()
                .map(NotificationView::of).toList();
    }
}
