/**
 * The mobile app: an installable Progressive Web App under {@code /app}. portal-web only serves its files, its
 * configuration and QR codes; the app calls quota-service's holder API itself with the holder's own token.
 */
package com.stadium.quota.portal.app;
