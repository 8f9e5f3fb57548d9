package com.stadium.quota.quotaservice.signin;

/**
 * The authorization request the caller would have sent to Keycloak itself: its client, where the code goes, and its
 * PKCE challenge (required by the app's public client; optional for the portal's confidential one).
 */
public record AuthorizationRequest(String clientId, String redirectUri, String codeChallenge,
        String codeChallengeMethod, String state) {
}
