/** allocation-service's typed configuration: one mapping of its {@code suite.*} keys. */
package com.stadium.quota.allocation.config;
