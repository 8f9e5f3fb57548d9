package com.stadium.quota.quotaservice.messages;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Lets an admin check that mail leaves the suite: the request travels the same way as every invitation
 * (outbox, Kafka, notification-adapter, SMTP), so a test message that arrives proves the whole path.
 */
@Path("/api/admin/test-messages")
@RolesAllowed("quota-manager")
@Tag(name = "Messages (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class TestMessageResource {

    @Inject
    Messenger messenger;

    @Inject
    JsonWebToken caller;

    /** Who gets the test message. */
    public record TestMessageRequest(
            @NotBlank @Email @Size(max = 320) String recipientEmail,
            @Size(max = 200) String recipientName,
            @Size(max = 500) String note) {
    }

    /** The notification id to look for in notification-adapter and in the mailbox. */
    public record TestMessageAccepted(UUID notificationId, String recipientEmail) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Send a test email through the whole notification path")
    @APIResponse(responseCode = "202", description = "queued; it is sent once notification-adapter receives it")
    public Response send(@Valid @NotNull TestMessageRequest request) {
        String email = request.recipientEmail().trim();
        String name = request.recipientName() == null || request.recipientName().isBlank()
                ? email : request.recipientName().trim();
        String note = request.note() == null ? "" : request.note().trim();
        UUID sent = messenger.send(Notices.testMessage(email, name, note), caller.getName());
        return Response.accepted(new TestMessageAccepted(sent, email)).build();
    }
}
