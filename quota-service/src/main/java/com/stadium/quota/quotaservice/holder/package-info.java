/** Holders and sub-recipients as Keycloak users (realm role quota-holder, no password), provisioned in the background. */
package com.stadium.quota.quotaservice.holder;
