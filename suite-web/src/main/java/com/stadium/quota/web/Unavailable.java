package com.stadium.quota.web;

/** Another service this request needs does not answer: 503, try again later; nothing was changed. */
public class Unavailable extends RuntimeException {

    private final String service;

    public Unavailable(String service, Throwable cause) {
        super(service + " does not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
