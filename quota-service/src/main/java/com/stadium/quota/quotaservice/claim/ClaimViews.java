package com.stadium.quota.quotaservice.claim;

import java.util.UUID;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.Quotas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/** A quota's claim as the holder asks for it (404 for anyone else's) and as the holder sees it. */
@ApplicationScoped
public class ClaimViews {

    @Inject
    QuotaServiceConfig config;

    @Inject
    Quotas quotas;

    @Inject
    HolderQuotas holderQuotas;

    Claim claimOf(Quota quota, UUID claimId) {
        Claim claim = quotas.claimOf(quota, claimId);
        if (claim == null) {
            throw new NotFoundException("no claim " + claimId);
        }
        return claim;
    }

    Claims.ClaimView view(Quota quota, Claim claim, String paymentUrl) {
        return new Claims.ClaimView(claim.id, quota.id, claim.step, claim.holdExpiresAt, claim.amountCents,
                config.payment().currency(), claim.paymentId, paymentUrl, claim.releasedBecause,
                holderQuotas.cards(quota, quota.ticketsOf(claim)));
    }
}
