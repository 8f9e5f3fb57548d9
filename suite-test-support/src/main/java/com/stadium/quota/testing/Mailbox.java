package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Reads what the test stack's SMTP server (GreenMail) received, through its REST API. */
public final class Mailbox {

    private Mailbox() {
    }

    /**
     * The messages delivered to one address (none when nothing was ever sent there); each map has at least
     * subject, mimeMessage and messageId.
     */
    public static List<Map<String, Object>> messagesFor(String email) {
        var response = given().get(TestStack.mailApiUrl() + "/api/user/{email}/messages/", email);
        if (response.statusCode() == 400 && response.asString().contains("not found")) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Empties every mailbox. */
    public static void purge() {
        given().post(TestStack.mailApiUrl() + "/api/mail/purge").then().statusCode(200);
    }
}
