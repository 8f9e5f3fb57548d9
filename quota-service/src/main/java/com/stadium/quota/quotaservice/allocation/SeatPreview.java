package com.stadium.quota.quotaservice.allocation;

import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.quotaservice.quota.NewQuota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The seats new quotas would take now, from allocation-service's dry run: one call for all of them, evaluated in
 * order so two of them never get the same seat. A preview only; the allocation itself decides.
 */
@ApplicationScoped
public class SeatPreview {

    private static final Logger LOG = Logger.getLogger(SeatPreview.class);

    @Inject
    @RestClient
    AllocationPreviewClient allocation;

    /**
     * One answer per quota, in the same order; null when allocation-service did not answer (the seats are then
     * unknown, which is no reason to refuse anything).
     */
    public List<AllocationPreviewClient.Line> preview(List<NewQuota> quotas) {
        if (quotas.isEmpty()) {
            return List.of();
        }
        try {
            List<AllocationPreviewClient.Line> lines = allocation.preview(new AllocationPreviewClient.Preview(
                    quotas.stream().map(q -> new AllocationPreviewClient.PreviewRequest(q.matchIds(), q.sectors(),
                            q.quantity() == null ? 0 : q.quantity(), q.algorithm(),
                            Boolean.TRUE.equals(q.includeAccessible()), Boolean.TRUE.equals(q.allowPartial())))
                            .toList())).lines();
            return lines != null && lines.size() == quotas.size() ? lines : unknown(quotas.size());
        } catch (RuntimeException e) {
            // not reachable, no token, an error answer: the report shows the lines with their seats unknown
            LOG.warnf("allocation-service's dry run did not answer: %s", e.toString());
            return unknown(quotas.size());
        }
    }

    private static List<AllocationPreviewClient.Line> unknown(int size) {
        return Collections.nCopies(size, null);
    }
}
