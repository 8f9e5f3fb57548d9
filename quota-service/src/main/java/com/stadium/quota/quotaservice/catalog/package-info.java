/**
 * The match catalog: quota-service's read model of the matches and free seats allocation-service announces on
 * {@code match-catalog}, so creating a quota or importing a file asks no other service.
 */
package com.stadium.quota.quotaservice.catalog;
