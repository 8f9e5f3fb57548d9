/** What the backend services' configuration mappings share: the servers of the stack. */
package com.stadium.quota.messaging.config;
