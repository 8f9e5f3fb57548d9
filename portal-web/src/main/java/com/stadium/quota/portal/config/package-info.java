/** portal-web's typed configuration: one mapping of its {@code suite.*} keys. */
package com.stadium.quota.portal.config;
