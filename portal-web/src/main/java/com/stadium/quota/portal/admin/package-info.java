/** The admins' pages, behind Keycloak sign-in, and the clients of the services they show. */
package com.stadium.quota.portal.admin;
