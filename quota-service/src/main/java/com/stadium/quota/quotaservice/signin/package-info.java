/**
 * Signing holders in without a password: a redeemed deeplink, or an admin's masquerade, becomes a Keycloak
 * authorization code for the web portal or the mobile app, made through Keycloak's impersonation.
 */
package com.stadium.quota.quotaservice.signin;
