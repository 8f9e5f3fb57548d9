package com.stadium.quota.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts an {@link SmtpLink} between the adapter under test and the test stack's GreenMail (SMTP 23025), so a test can
 * take SMTP away from this adapter without stopping the shared server. Only the {@code @QuarkusTest} boot uses the
 * link; the %test profile itself (also used by system-tests) still points at 23025.
 */
public class SmtpLinkResource implements QuarkusTestResourceLifecycleManager {

    private static final int SHARED_SMTP_PORT = 23025;
    private static SmtpLink link;

    /** The link of this test run. */
    public static SmtpLink link() {
        return link;
    }

    @Override
    public Map<String, String> start() {
        link = new SmtpLink(SHARED_SMTP_PORT);
        return Map.of("suite.smtp.port", Integer.toString(link.port()));
    }

    @Override
    public void stop() {
        link.close();
    }
}
