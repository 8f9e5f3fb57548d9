package com.stadium.quota.quotaservice.bearer;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers a bearer token that passed Quarkus OIDC's check before with the identity that check built, rebuilt for this
 * request; any other token (new, changed by one character, or past its time) goes on to Quarkus OIDC, which verifies
 * it, and {@link RememberVerifiedTokens} keeps what passed.
 */
@ApplicationScoped
public class KnownTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity taken from the cache, so it is not kept again. */
    static final String REUSED = "suite.token-cache.reused";

    private final boolean enabled;

    private final VerifiedTokens<SecurityIdentity> tokens;

    private final Clock clock;

    @Inject
    KnownTokens(QuotaServiceConfig config, Clock clock) {
        this.enabled = config.tokenCache().enabled();
        this.tokens = new VerifiedTokens<>(config.tokenCache().maxSize(), config.tokenCache().maxAge());
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before Quarkus OIDC's provider (priority 1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = enabled && request.getToken() instanceof AccessTokenCredential token
                ? tokens.find(token.getToken(), clock.instant())
                : null;
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (known == null || http == null) {
            return Uni.createFrom().nullItem();
        }
        // the kept identity names the request it was built for: this one takes its place
        QuarkusSecurityIdentity.Builder again = QuarkusSecurityIdentity.builder(known).addAttribute(REUSED, true)
                .addAttribute(RoutingContext.class.getName(), http);
        Object blocking = http.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            again.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return Uni.createFrom().item(again.build());
    }

    /** Keeps an identity Quarkus OIDC built from a bearer token it verified (nothing else). */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(REUSED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || credential.getToken() == null
                || !credential.getToken().equals(jwt.getRawToken()) || jwt.getExpirationTime() <= 0) {
            return;
        }
        tokens.remember(credential.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()),
                clock.instant());
    }

    /** How many tokens are kept (for tests). */
    long kept() {
        return tokens.size();
    }
}
