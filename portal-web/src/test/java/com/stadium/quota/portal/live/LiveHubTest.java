package com.stadium.quota.portal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.live.Audience.Verdict;
import com.stadium.quota.portal.live.LiveHub.Delivery;

class LiveHubTest {

    static final UUID HANNA_QUOTA = UUID.randomUUID();
    static final UUID HUGO_QUOTA = UUID.randomUUID();
    final LiveHub hub = new LiveHub(5);

    static QuotaEvent changed(UUID quota, UUID parent, String email) {
        return new QuotaEvent(quota, parent, email, "TICKETS_CHANGED");
    }

    List<Delivery> open(Audience audience, String lastEventId) {
        List<Delivery> got = new ArrayList<>();
        hub.open(audience, lastEventId, got::add);
        return got;
    }

    @Test
    void aHolderNeverReceivesAnotherHoldersEvent() {
        List<Delivery> hanna = open(Audience.holder("hanna@club.example", Set.of(HANNA_QUOTA)), null);
        hub.publish("0-1", changed(HUGO_QUOTA, null, "hugo@club.example"));
        hub.publish("0-2", changed(UUID.randomUUID(), HUGO_QUOTA, "someone@club.example"));
        hub.publish("0-3", changed(HANNA_QUOTA, null, "hanna@club.example"));
        assertThat(hanna).extracting(Delivery::id).containsExactly("0-3");
        assertThat(hanna.get(0).verdict()).isEqualTo(Verdict.KNOWN);
    }

    @Test
    void aHolderReceivesQuotasSentToThemAndSubquotasOfTheirsAsTheyAppear() {
        List<Delivery> hanna = open(Audience.holder("Hanna@Club.example", Set.of(HANNA_QUOTA)), null);
        UUID sentToHanna = UUID.randomUUID();
        UUID passedOnByHanna = UUID.randomUUID();
        hub.publish("0-1", new QuotaEvent(sentToHanna, HUGO_QUOTA, "hanna@club.example", "CREATED"));
        hub.publish("0-2", new QuotaEvent(passedOnByHanna, HANNA_QUOTA, "pia@club.example", "CREATED"));
        // later changes of both, without the email or the parent that let them in
        hub.publish("0-3", new QuotaEvent(sentToHanna, null, null, "TICKETS_CHANGED"));
        hub.publish("0-4", new QuotaEvent(passedOnByHanna, null, null, "TICKETS_CHANGED"));
        assertThat(hanna).extracting(Delivery::verdict)
                .containsExactly(Verdict.ADDED, Verdict.ADDED, Verdict.KNOWN, Verdict.KNOWN);
    }

    @Test
    void anAdminsQuotaPageGetsThatQuotaAndItsSubquotasOnly() {
        List<Delivery> page = open(Audience.quota(HANNA_QUOTA), null);
        hub.publish("0-1", changed(HANNA_QUOTA, null, "hanna@club.example"));
        hub.publish("0-2", changed(UUID.randomUUID(), HANNA_QUOTA, "pia@club.example"));
        hub.publish("0-3", changed(HUGO_QUOTA, null, "hugo@club.example"));
        assertThat(page).extracting(Delivery::id).containsExactly("0-1", "0-2");
    }

    @Test
    void aReconnectingStreamGetsWhatItMissedOfItsOwnThenNewEvents() {
        hub.publish("0-1", changed(HANNA_QUOTA, null, "hanna@club.example"));
        hub.publish("0-2", changed(HANNA_QUOTA, null, "hanna@club.example"));
        hub.publish("1-7", changed(HUGO_QUOTA, null, "hugo@club.example"));
        hub.publish("0-3", changed(HANNA_QUOTA, null, "hanna@club.example"));
        List<Delivery> again = open(Audience.holder("hanna@club.example", Set.of(HANNA_QUOTA)), "0-1");
        hub.publish("0-4", changed(HANNA_QUOTA, null, "hanna@club.example"));
        assertThat(again).extracting(Delivery::id).containsExactly("0-2", "0-3", "0-4");
        assertThat(open(Audience.quota(HANNA_QUOTA), "0-4")).isEmpty();
    }

    @Test
    void anIdOlderThanTheMemoryOrNeverSeenHereAsksThePageToRefresh() {
        for (int i = 1; i <= 7; i++) {
            hub.publish("0-" + i, changed(HANNA_QUOTA, null, "hanna@club.example"));
        }
        List<Delivery> tooOld = open(Audience.quota(HANNA_QUOTA), "0-1");
        assertThat(tooOld).hasSize(1);
        assertThat(tooOld.get(0).refresh()).isTrue();
        assertThat(open(Audience.quota(HANNA_QUOTA), "3-99").get(0).refresh()).isTrue();
        assertThat(open(Audience.quota(HANNA_QUOTA), "0-3")).extracting(Delivery::id)
                .containsExactly("0-4", "0-5", "0-6", "0-7");
        assertThat(hub.position()).isEqualTo("0-7");
    }

    @Test
    void aPageRenderedBeforeTheFirstEventGetsTheEventsThatCameBeforeItsStreamOpened() {
        String rendered = hub.position();
        hub.publish("0-1", changed(HANNA_QUOTA, null, "hanna@club.example"));
        hub.publish("1-1", changed(HUGO_QUOTA, null, "hugo@club.example"));
        List<Delivery> page = open(Audience.holder("hanna@club.example", Set.of(HANNA_QUOTA)), rendered);
        hub.publish("0-2", changed(HANNA_QUOTA, null, "hanna@club.example"));
        assertThat(page).extracting(Delivery::id).containsExactly("0-1", "0-2");
    }

    @Test
    void aPositionFromBeforeTheConsumerGotItsPartitionsOrFromAnotherInstanceAsksForARefresh() {
        List<Delivery> openBefore = open(Audience.quota(HANNA_QUOTA), null);
        String renderedBefore = hub.position();
        hub.resumed();
        assertThat(openBefore).as("what came before the assignment was never read here").hasSize(1)
                .allMatch(Delivery::refresh);
        hub.publish("0-1", changed(HANNA_QUOTA, null, "hanna@club.example"));
        assertThat(open(Audience.quota(HANNA_QUOTA), renderedBefore)).singleElement().matches(Delivery::refresh);
        assertThat(open(Audience.quota(HANNA_QUOTA), new LiveHub(5).position())).singleElement()
                .matches(Delivery::refresh);
    }

    @Test
    void anOriginWhoseEventsOutgrewTheMemoryAsksForARefresh() {
        String rendered = hub.position();
        for (int i = 1; i <= 6; i++) {
            hub.publish("0-" + i, changed(HANNA_QUOTA, null, "hanna@club.example"));
        }
        assertThat(open(Audience.quota(HANNA_QUOTA), rendered)).singleElement().matches(Delivery::refresh);
    }

    @Test
    void aClosedStreamGetsNothingMore() {
        List<Delivery> got = new ArrayList<>();
        LiveHub.Subscription subscription = hub.open(Audience.quota(HANNA_QUOTA), null, got::add);
        assertThat(hub.openStreams()).isEqualTo(1);
        subscription.close();
        hub.publish("0-1", changed(HANNA_QUOTA, null, "hanna@club.example"));
        assertThat(got).isEmpty();
        assertThat(hub.openStreams()).isZero();
        assertThatThrownBy(() -> new LiveHub(0)).hasMessageContaining("memory");
    }

    @Test
    void onlyQuotaChangedEnvelopesAreReadAndPagesNeverSeeTheEmail() {
        ObjectMapper json = new ObjectMapper();
        String message = "{\"id\":\"0b8c6c5e-8f7e-4a77-9a39-5bb1c1a1f2aa\",\"type\":\"quota.changed\",\"version\":1,"
                + "\"time\":\"2026-11-25T08:00:00Z\",\"aggregateId\":\"" + HANNA_QUOTA + "\",\"payload\":{\"quotaId\":\""
                + HANNA_QUOTA + "\",\"parentId\":null,\"change\":\"ALLOCATED\",\"state\":\"ALLOCATED\","
                + "\"holderEmail\":\"hanna@club.example\",\"extra\":1}}";
        QuotaEvent event = QuotaEvent.read(message, json).orElseThrow();
        assertThat(event).isEqualTo(new QuotaEvent(HANNA_QUOTA, null, "hanna@club.example", "ALLOCATED"));
        assertThat(event.data()).isEqualTo("{\"quotaId\":\"" + HANNA_QUOTA + "\",\"parentId\":null,"
                + "\"change\":\"ALLOCATED\"}");
        assertThat(QuotaEvent.read(message.replace("quota.changed", "match.announced"), json)).isEmpty();
        assertThat(QuotaEvent.read("not json", json)).isEmpty();
        assertThat(QuotaEvent.read("{\"type\":\"quota.changed\",\"payload\":{\"quotaId\":\"nope\"}}", json)).isEmpty();
    }
}
