/** The public landing page: where admins sign in and holders learn to use their deeplink. */
package com.stadium.quota.portal.home;
