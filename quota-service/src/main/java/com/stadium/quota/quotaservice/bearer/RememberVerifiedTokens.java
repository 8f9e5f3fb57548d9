package com.stadium.quota.quotaservice.bearer;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sees every identity an authentication produced, and hands the ones Quarkus OIDC built from a verified bearer token
 * to {@link KnownTokens}. Augmentors only see successes: a token that failed its check is never kept.
 */
@ApplicationScoped
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    @Inject
    KnownTokens known;

    /** First of all augmentors, so the identity is kept as Quarkus OIDC built it (the others run again on reuse). */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        known.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
