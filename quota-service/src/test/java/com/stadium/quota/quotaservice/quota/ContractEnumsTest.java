package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.QuotaChanged;

/** quota.changed carries a quota's state by name: every state the aggregate knows must be one the contract knows. */
class ContractEnumsTest {

    @Test
    void everyQuotaStateHasItsTwinInTheContract() {
        assertThat(Arrays.stream(QuotaState.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(QuotaChanged.State.values()).map(Enum::name).toList());
    }
}
