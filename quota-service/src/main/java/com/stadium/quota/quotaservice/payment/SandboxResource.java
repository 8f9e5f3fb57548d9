package com.stadium.quota.quotaservice.payment;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.claim.Claims;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The sandbox's "payment page", where a payer (or a test) decides how a payment ends; the sandbox then answers the
 * suite as the payment service's callback would. Off unless {@code suite.payment.sandbox.enabled}.
 */
@Path("/sandbox/payments/{paymentId}")
@PermitAll
@Tag(name = "Payments")
public class SandboxResource {

    @Inject
    SandboxPaymentProvider sandbox;

    @Inject
    Claims claims;

    @ConfigProperty(name = "suite.payment.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sandbox only: a page with the amount and two buttons, pay or decline")
    public String page(@PathParam("paymentId") String paymentId) {
        SandboxPaymentProvider.SandboxPayment payment = payment(paymentId);
        String amount = String.format(java.util.Locale.ROOT, "%d.%02d %s", payment.order().amountCents() / 100,
                payment.order().amountCents() % 100, payment.order().currency());
        return """
                <!doctype html><html><head><title>Sandbox payment</title></head><body>
                <h1>Sandbox payment</h1><p>%s</p><p>Status: %s</p>
                <form method="post" action="%s/succeed"><button>Pay %s</button></form>
                <form method="post" action="%s/fail"><button>Decline</button></form>
                </body></html>""".formatted(escape(payment.order().description()), payment.status(), paymentId,
                amount, paymentId);
    }

    @POST
    @Path("/succeed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sandbox only: the payer paid")
    public PaymentStatus succeed(@PathParam("paymentId") String paymentId) {
        return answer(paymentId, true);
    }

    @POST
    @Path("/fail")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sandbox only: the payment failed (declined card, payer gave up)")
    public PaymentStatus fail(@PathParam("paymentId") String paymentId) {
        return answer(paymentId, false);
    }

    private PaymentStatus answer(String paymentId, boolean paid) {
        payment(paymentId);
        PaymentStatus status = sandbox.answer(paymentId, paid);
        claims.paymentAnswered(paymentId, status);
        return status;
    }

    private SandboxPaymentProvider.SandboxPayment payment(String paymentId) {
        SandboxPaymentProvider.SandboxPayment payment = enabled ? sandbox.find(paymentId) : null;
        if (payment == null) {
            throw new NotFoundException("no sandbox payment " + paymentId);
        }
        return payment;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
