package com.stadium.quota.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The benchmarks' HTTP calls to the running suite: tokens from its Keycloak, requests with a bearer token. */
final class SuiteHttp {

    private final String keycloak;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SuiteHttp(String keycloak) {
        this.keycloak = keycloak;
    }

    /** An access token of a demo user (the local quota-cli client's password grant). */
    String token(String user, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/quota/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=quota-cli&username=" + user
                        + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(expect(200, response)).path("access_token").asText();
    }

    /** A JSON body, or none when {@code body} is null. */
    HttpResponse<String> send(String token, String method, String url, String body) throws Exception {
        return send(token, method, url, body, "application/json");
    }

    HttpResponse<String> send(String token, String method, String url, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A service's readiness checks as it answers them now (the body of /q/health/ready, on one line). */
    static String readiness(String service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll("\\s+", " ");
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
