/**
 * Payments: the interface to the payment service outside the suite, its signed callback, and a sandbox provider
 * that stands in for it locally and in tests (told to succeed or fail, or left to time out).
 */
package com.stadium.quota.quotaservice.payment;
