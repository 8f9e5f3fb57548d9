/**
 * Bearer tokens checked once, not on every request: Quarkus OIDC verifies a token (signature, issuer, audience,
 * expiry) and builds the caller's identity; the identity is kept for that exact token until the token expires or
 * {@code suite.token-cache.max-age} has passed, whichever comes first (docs/decisions.md, issue 16).
 */
package com.stadium.quota.quotaservice.bearer;
