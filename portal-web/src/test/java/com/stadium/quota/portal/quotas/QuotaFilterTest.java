package com.stadium.quota.portal.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaFilterTest {

    @Test
    void anEmptyAddressIsTheDefaultListNewestFirst() {
        QuotaFilter filter = QuotaFilter.of(null, null, null, null, null, null, null, null);
        assertThat(filter).isEqualTo(QuotaFilter.none());
        assertThat(filter.query()).isEmpty();
        assertThat(filter.url()).isEqualTo("/admin/quotas");
        assertThat(filter.sort()).isEqualTo("createdAt");
        assertThat(filter.direction()).isEqualTo("desc");
        assertThat(filter.any()).isFalse();
    }

    @Test
    void everyFilterSurvivesTheRoundTripThroughTheAddress() {
        QuotaFilter filter = QuotaFilter.of("7", " Vera & Co ", "allocated", "w3", "14", "expiresOn", "asc", "2");
        assertThat(filter.query())
                .isEqualTo("?match=7&holder=Vera+%26+Co&state=ALLOCATED&sector=W3&expiring=14&sort=expiresOn&dir=asc&page=2");
        QuotaFilter back = QuotaFilter.of("7", "Vera & Co", "ALLOCATED", "W3", "14", "expiresOn", "asc", "2");
        assertThat(back).isEqualTo(filter);
        assertThat(filter.any()).isTrue();
    }

    @Test
    void nonsenseInTheAddressIsDroppedNotAnError() {
        QuotaFilter filter = QuotaFilter.of("seven", "  ", "SOLD", "", "-3", "password", "sideways", "x");
        assertThat(filter).isEqualTo(QuotaFilter.none());
        assertThat(QuotaFilter.of(null, null, null, null, "99999", null, null, null).expiring()).isEqualTo(3650);
        assertThat(QuotaFilter.of(null, "x".repeat(500), null, null, null, null, null, null).holder()).hasSize(200);
    }

    @Test
    void sortingByAColumnStartsAscendingTogglesAndGoesBackToTheFirstPage() {
        QuotaFilter onPage3 = QuotaFilter.of(null, "vera", null, null, null, null, null, "3");
        QuotaFilter byName = onPage3.sortedBy("holderName");
        assertThat(byName.query()).isEqualTo("?holder=vera&sort=holderName&dir=asc");
        assertThat(byName.ariaSort("holderName")).isEqualTo("ascending");
        assertThat(byName.ariaSort("quantity")).isEqualTo("none");
        assertThat(byName.sortedBy("holderName").ariaSort("holderName")).isEqualTo("descending");
    }

    @Test
    void pagingKeepsTheFilters() {
        QuotaFilter filter = QuotaFilter.of("1", null, "CANCELLED", null, null, null, null, null);
        assertThat(filter.atPage(1).url()).isEqualTo("/admin/quotas?match=1&state=CANCELLED&page=1");
        assertThat(filter.atPage(1).atPage(0).url()).isEqualTo("/admin/quotas?match=1&state=CANCELLED");
        assertThat(filter.atPage(-1).page()).isZero();
    }
}
