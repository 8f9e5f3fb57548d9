package com.stadium.quota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.OtlpReceiver.ReceivedSpan;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.Mailbox;

/**
 * One quota made in the portal is one trace: portal-web → quota-service → outbox → allocation-service → results →
 * quota-service → notification-adapter → the SMTP send, as an OpenTelemetry collector receives it.
 */
@ExtendWith(RunningSuite.class)
class TracingIT {

    @Test
    void aQuotaCreatedInThePortalIsOneTraceThroughEveryServiceToTheInvitationMail() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String email = PortalData.email("traced");
        RunningSuite.traces().watch(traceId);
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = PortalData.signedIn(browser, "/admin/quotas/new", "manager", "manager");
            HtmlForm form = page.getForms().stream().filter(f -> !f.getInputsByName("holderEmail").isEmpty())
                    .findFirst().orElseThrow();
            form.getInputByName("holderName").type("Tracy Trace");
            form.getInputByName("holderEmail").type(email);
            ((HtmlCheckBoxInput) form.getInputsByName("matchIds").get(0)).setChecked(true);
            form.getInputByName("sectors").type("S1"); // a sector no other system test uses
            form.getInputByName("quantity").type("2");
            form.getInputsByName("algorithm").stream().map(HtmlRadioButtonInput.class::cast)
                    .filter(r -> r.getValueAttribute().equals("NM")).findFirst().orElseThrow().setChecked(true);
            // the caller's trace (as a browser's or a gateway's would be): every span below must join it
            browser.addRequestHeader("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01");
            HtmlPage created = page.getHtmlElementById("create").click();
            browser.removeRequestHeader("traceparent");
            assertThat(created.getUrl().getPath()).as("the portal shows the new quota").matches("/admin/quotas/[-0-9a-f]{36}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.messagesFor(email).isEmpty());

        await("every service's spans under one trace id").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<ReceivedSpan> spans = RunningSuite.traces().spansOf(traceId);
            assertThat(spans).extracting(ReceivedSpan::service).contains("portal-web", "quota-service",
                    "allocation-service", "notification-adapter");
            assertThat(spans).extracting(ReceivedSpan::name).contains(
                    "allocation-requests publish", "allocation-results publish", "notification-requests publish",
                    "smtp send");
            assertThat(spans).filteredOn(s -> s.service().equals("notification-adapter"))
                    .extracting(ReceivedSpan::name).contains("smtp send");
        });
    }
}
