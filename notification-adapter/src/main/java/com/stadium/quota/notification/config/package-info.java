/** notification-adapter's typed configuration: one mapping of its {@code suite.*} keys. */
package com.stadium.quota.notification.config;
