package com.stadium.quota.portal.reassign;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.holder.QuotaServiceStandIn;
import com.stadium.quota.testing.LoopbackBrowser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Change attendee" without JavaScript, against quota-service's stand-in (the system tests run the real one): the
 * action only on a sold ticket of a transferable quota, refusals under their fields with what was typed, the
 * dashboard's line after the change, and a change made meanwhile elsewhere shown with the fresh card.
 */
@QuarkusTest
@QuarkusTestResource(QuotaServiceStandIn.class)
class AttendeePageTest {

    static final String PORTAL = "http://127.0.0.1:28090";
    static final String SOLD = QuotaServiceStandIn.SOLD;

    @BeforeEach
    void freshTicket() {
        QuotaServiceStandIn.resetSold();
    }

    private static HtmlPage dashboard(WebClient browser) throws Exception {
        return browser.getPage(PORTAL + "/invitation/" + QuotaServiceStandIn.GOOD);
    }

    private static HtmlPage send(HtmlPage form, String name, String email) throws Exception {
        HtmlForm attendee = (HtmlForm) form.getElementById("attendee-form");
        attendee.getInputByName("name").setValue(name);
        attendee.getInputByName("email").setValue(email);
        return form.getHtmlElementById("reassign").click();
    }

    @Test
    void onlyTheSoldTicketOfTheTransferableQuotaHasTheActionNamedAfterItsSeat() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = dashboard(browser);
            HtmlAnchor action = page.getHtmlElementById("reassign-" + SOLD);
            assertThat(action.asNormalizedText()).isEqualTo("Change attendee");
            assertThat(action.getAttribute("aria-label")).isEqualTo("Change attendee of sector W3, row 12, seat 19");
            assertThat(page.querySelectorAll("[id^='reassign-']")).hasSize(1);
            assertThat(page.getElementById("quota-" + QuotaServiceStandIn.QUOTA).querySelectorAll("[id^='reassign-']"))
                    .isEmpty();
        }
    }

    @Test
    void refusedFieldsComeBackUnderTheFieldsThenTheChangeIsSaidOnTheDashboard() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage form = ((HtmlAnchor) dashboard(browser).getHtmlElementById("reassign-" + SOLD)).click();
            assertThat(form.getElementById("current-attendee").asNormalizedText()).isEqualTo("For Gus Guest");
            assertThat(form.getElementById("attendee-form").querySelectorAll("[name='csrf-token']")).hasSize(1);

            HtmlPage refused = send(form, "", "GUS@friends.example");
            assertThat(refused.getElementById("name-error").asNormalizedText()).isEqualTo("must not be blank");
            assertThat(refused.getElementById("email-error").asNormalizedText())
                    .isEqualTo("is the ticket's attendee already");
            assertThat(((HtmlForm) refused.getElementById("attendee-form")).getInputByName("email").getValue())
                    .isEqualTo("GUS@friends.example");

            HtmlPage done = send(refused, "Nina New", " nina@new.example ");
            assertThat(done.getUrl().getPath()).isEqualTo("/holder");
            assertThat(done.getElementById("done").asNormalizedText()).isEqualTo(
                    "Seat W3 12 19 now belongs to Nina New; we emailed them the ticket and told Gus Guest it was "
                            + "passed on.");
            assertThat(done.querySelector("[data-ticket='" + SOLD + "']").asNormalizedText()).contains("For Nina New");
            assertThat(QuotaServiceStandIn.attendee).containsExactly("Nina New", "nina@new.example");
        }
    }

    @Test
    void aChangeMadeMeanwhileElsewhereIsSaidWithTheFreshCardAndTheTypingKept() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage form = ((HtmlAnchor) dashboard(browser).getHtmlElementById("reassign-" + SOLD)).click();
            // another tab or the app changed the ticket after this form was drawn
            QuotaServiceStandIn.attendee = new String[] {"Fred First", "fred@first.example"};
            QuotaServiceStandIn.version = 1;
            HtmlPage conflict = send(form, "Sara Second", "sara@second.example");
            assertThat(conflict.getElementById("conflict").asNormalizedText())
                    .startsWith("Someone changed this ticket a moment ago");
            assertThat(conflict.getElementById("current-attendee").asNormalizedText()).isEqualTo("For Fred First");
            assertThat(((HtmlForm) conflict.getElementById("attendee-form")).getInputByName("name").getValue())
                    .isEqualTo("Sara Second");
            assertThat(QuotaServiceStandIn.attendee).containsExactly("Fred First", "fred@first.example");

            // sent again from the fresh form, it goes through
            HtmlPage done = send(conflict, "Sara Second", "sara@second.example");
            assertThat(done.getElementById("done").asNormalizedText()).contains("now belongs to Sara Second")
                    .contains("told Fred First");
        }
    }

    @Test
    void anotherHolderFindsNoSuchTicketAndTheGermanPageSpeaksGerman() throws Exception {
        try (WebClient hugo = LoopbackBrowser.open()) {
            hugo.getOptions().setThrowExceptionOnFailingStatusCode(false);
            hugo.getPage(PORTAL + "/invitation/" + QuotaServiceStandIn.HUGO);
            HtmlPage page = hugo.getPage(PORTAL + "/holder/quotas/" + QuotaServiceStandIn.TRANSFERABLE + "/tickets/"
                    + SOLD + "/attendee");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.asNormalizedText()).doesNotContain("Gus Guest");
        }
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.addRequestHeader("Accept-Language", "de-DE");
            HtmlPage page = dashboard(browser);
            assertThat(page.getElementById("reassign-" + SOLD).asNormalizedText()).isEqualTo("Teilnehmer ändern");
            HtmlPage form = ((HtmlAnchor) page.getHtmlElementById("reassign-" + SOLD)).click();
            assertThat(form.getElementById("attendee-form").asNormalizedText()).contains("Name der neuen Person");
        }
    }
}
