package com.stadium.quota.quotaservice.notice;

import java.time.Clock;
import java.util.Locale;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.quota.HolderLocaleGiven;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The language each person's messages are written in: the one stored for their email, else the suite's default. */
@ApplicationScoped
public class HolderLocales {

    @Inject
    QuotaServiceConfig config;

    @Inject
    Clock clock;

    public String of(String email) {
        HolderPreference preference = HolderPreference.findById(key(email));
        return preference == null ? config.notice().defaultLocale() : preference.locale;
    }

    /** In the transaction that created the quota: the language given with it is the holder's from now on. */
    void given(@Observes HolderLocaleGiven given) {
        HolderPreference preference = HolderPreference.findById(key(given.email()));
        if (preference == null) {
            preference = new HolderPreference();
            preference.email = key(given.email());
        }
        preference.locale = given.locale();
        preference.updatedAt = clock.instant();
        preference.persist();
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
