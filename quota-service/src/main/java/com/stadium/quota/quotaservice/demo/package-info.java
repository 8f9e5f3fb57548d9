/**
 * Demo data for a newcomer (dev profile only): a few quotas for the demo holders, made through the normal creation
 * and subquota paths, once.
 */
package com.stadium.quota.quotaservice.demo;
