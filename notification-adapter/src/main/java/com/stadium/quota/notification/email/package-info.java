/**
 * Email: one Qute template per message kind (HTML and text, shared layouts), texts from a message bundle per
 * language, QR codes of tickets, and sending through Quarkus Mailer.
 */
package com.stadium.quota.notification.email;
