package com.stadium.quota.quotaservice.payment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.RateLimited;
import com.stadium.quota.web.Refusals;
import com.stadium.quota.web.Violation;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The payment service tells the suite how a payment ended. No user token here: the body is signed with the secret
 * both sides share ({@link CallbackSignature}), and a repeated callback changes nothing.
 *
 * <pre>
 * POST /api/payments/callback   Payment-Signature: 5f1c…
 * {"paymentId":"sbx_6b0e…","status":"PAID"}
 * </pre>
 */
@Path("/api/payments/callback")
@Tag(name = "Payments")
public class PaymentCallbackResource {

    public static final String SIGNATURE_HEADER = "Payment-Signature";

    @Inject
    QuotaServiceConfig config;

    @Inject
    PaymentResults results;

    @Inject
    ObjectMapper json;

    /** The callback's body. */
    public record PaymentResult(String paymentId, PaymentStatus status) {
    }

    @POST
    @PermitAll
    @RateLimited("payment-callback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payment service's answer for a payment (PAID, FAILED or CANCELLED), signed")
    public Response callback(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        if (body == null || !CallbackSignature.matches(config.payment().callbackSecret(), body, signature)) {
            Refusals.refused(401, "payment callback " + (signature == null ? "without a signature"
                    : "whose signature does not match its body"));
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                    .entity(new Refusals.Problem("Not signed", 401, List.of(Violation.of(
                            SIGNATURE_HEADER, "missing or does not match the body"))))
                    .build();
        }
        PaymentResult result;
        try {
            result = json.readValue(body, PaymentResult.class);
        } catch (java.io.IOException e) {
            throw InvalidInput.of("body", "not a payment result: " + e.getMessage());
        }
        if (result.paymentId() == null || result.paymentId().isBlank()) {
            throw InvalidInput.of("paymentId", "is required");
        }
        if (result.status() == null || result.status() == PaymentStatus.PENDING) {
            throw InvalidInput.of("status", "must be PAID, FAILED or CANCELLED");
        }
        if (!results.answered(result.paymentId(), result.status())) {
            throw new NotFoundException("no claim waits for payment " + result.paymentId());
        }
        return Response.ok(result).build();
    }
}
