/**
 * The holders' side of the portal: a deeplink becomes a portal session through Quarkus' own code flow (quota-service
 * stands in for Keycloak's login page), and the signed-in holder sees their quotas.
 */
package com.stadium.quota.portal.holder;
