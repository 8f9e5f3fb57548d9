/**
 * Messages to people: {@link com.stadium.quota.quotaservice.notice.Notices} turns what happened into typed intents,
 * {@link com.stadium.quota.quotaservice.notice.Messenger} is the one way out ({@code notification.requested} through
 * the outbox, in the recipient's stored language).
 */
package com.stadium.quota.quotaservice.notice;
