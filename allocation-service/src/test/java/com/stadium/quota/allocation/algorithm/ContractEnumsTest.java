package com.stadium.quota.allocation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;

/** Requests and answers carry the algorithm and the outcome by name: the two sides must know the same names. */
class ContractEnumsTest {

    @Test
    void everyAlgorithmAndOutcomeHasItsTwinInTheContract() {
        assertThat(Arrays.stream(Algorithm.values()).map(Enum::name)).containsExactlyElementsOf(
                Arrays.stream(AllocationRequested.Algorithm.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(Allocation.Outcome.values()).map(Enum::name)).containsExactlyElementsOf(
                Arrays.stream(AllocationCompleted.Outcome.values()).map(Enum::name).toList());
    }
}
