package com.stadium.quota.bare;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One JSON endpoint: what every service has at least. */
@Path("/hello")
public class Hello {

    @GET
    public Map<String, String> hello() {
        return Map.of("hello", "stadium");
    }
}
