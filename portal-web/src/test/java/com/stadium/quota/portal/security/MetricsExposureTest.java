package com.stadium.quota.portal.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.holder.QuotaServiceStandIn;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The portal's service port is public (Ingress): metrics answer only on the management port, health stays. */
@QuarkusTest
@QuarkusTestResource(QuotaServiceStandIn.class)
class MetricsExposureTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        given().get(metrics.toString()).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(200);
    }
}
