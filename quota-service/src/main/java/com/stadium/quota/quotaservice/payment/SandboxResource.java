package com.stadium.quota.quotaservice.payment;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The sandbox's "payment page", where a payer (or a test) decides how a payment ends; the sandbox then answers the
 * suite as the payment service's callback would. Off unless {@code suite.payment.sandbox.enabled}.
 */
@Path("/sandbox/payments/{paymentId}")
@PermitAll
@Tag(name = "Payments")
public class SandboxResource {

    @Inject
    QuotaServiceConfig config;

    @Inject
    SandboxPaymentProvider sandbox;

    @Inject
    PaymentResults results;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sandbox only: a page with the amount and two buttons, pay or decline")
    public String page(@PathParam("paymentId") String paymentId) {
        SandboxPaymentProvider.SandboxPayment payment = payment(paymentId);
        String amount = String.format(java.util.Locale.ROOT, "%d.%02d %s", payment.order().amountCents() / 100,
                payment.order().amountCents() % 100, payment.order().currency());
        String id = escape(paymentId);
        String actions = payment.status() == PaymentStatus.PENDING ? """
                <form method="post" action="%s/pay"><button type="submit" class="pay">Pay %s</button></form>
                <form method="post" action="%s/decline"><button type="submit">Decline</button></form>"""
                .formatted(id, amount, id) : "<p>This payment has ended: " + payment.status() + ".</p>";
        return page("Sandbox payment", """
                <p class="note">This page stands in for the payment service. No money moves.</p>
                <p>%s</p>
                <p>Amount: <strong>%s</strong></p>
                %s""".formatted(escape(payment.order().description()), amount, actions));
    }

    @POST
    @Path("/pay")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sandbox only: the payer pressed \"Pay\" on the page; 303 back to the return address "
            + "with ?payment=paid (or declined, if the payment had ended otherwise)")
    public Response payFromPage(@PathParam("paymentId") String paymentId) {
        return backToReturnUrl(paymentId, answer(paymentId, true));
    }

    @POST
    @Path("/decline")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sandbox only: the payer pressed \"Decline\" on the page; 303 back to the return address "
            + "with ?payment=declined (or paid, if it had been paid before)")
    public Response declineFromPage(@PathParam("paymentId") String paymentId) {
        return backToReturnUrl(paymentId, answer(paymentId, false));
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
        results.answered(paymentId, status);
        return status;
    }

    /** A browser goes back to where the payment was started from; without a return address it stays here. */
    private Response backToReturnUrl(String paymentId, PaymentStatus status) {
        boolean paid = status == PaymentStatus.PAID;
        String returnUrl = payment(paymentId).order().returnUrl();
        if (returnUrl == null) {
            return Response.ok(page(paid ? "Paid" : "Not paid", "<p>The payment is " + status
                    + ". You may close this page.</p>")).type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create(ReturnUrl.withOutcome(returnUrl, paid))).build();
    }

    // the meta referrer overrides the header's no-referrer for this page only: under no-referrer the browser posts
    // its forms with "Origin: null", which the CORS filter refuses (403); same-origin keeps the origin on its own forms
    private static String page(String heading, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="same-origin">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
                button{font-size:1.1rem;padding:.7rem 1.2rem;margin:.3rem 0;width:100%%}
                .pay{background:#0a5c36;color:#fff;border:0}.note{color:#555}</style>
                </head><body><main>
                <h1>%s</h1>
                %s
                </main></body></html>""".formatted(escape(heading), escape(heading), body);
    }

    private SandboxPaymentProvider.SandboxPayment payment(String paymentId) {
        SandboxPaymentProvider.SandboxPayment payment = config.payment().sandbox().enabled() ? sandbox.find(paymentId)
                : null;
        if (payment == null) {
            throw new NotFoundException("no sandbox payment " + paymentId);
        }
        return payment;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
