package com.stadium.quota.testing;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * The services' tests look for what they await at once and then every 50 ms: Awaitility's defaults wait 100 ms
 * before the first look, and the tests await a few thousand times. Quarkus calls this in the class loader of its
 * test classes, where a static default set anywhere else would not reach.
 */
public class QuickPolls implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    }
}
