/**
 * Changing the attendee of a sold ticket of a transferable quota: the form on the holder's card and quota-service's
 * answer in plain words; quota-service decides who may and until when.
 */
package com.stadium.quota.portal.reassign;
