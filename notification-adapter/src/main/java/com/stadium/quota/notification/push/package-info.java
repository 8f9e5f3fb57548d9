/**
 * Push to the mobile app: the devices holders register, a provider interface (a recording one locally), and the
 * push that accompanies each mailed message.
 */
package com.stadium.quota.notification.push;
