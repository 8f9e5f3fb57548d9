package com.stadium.quota.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Calls of this endpoint are counted per client address in the named bucket, whose limit is configured as
 * {@code suite.rate-limits.<bucket>.permits} per {@code .period}; one more is a 429 ({@link RateLimits}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The bucket's name in the configuration. */
    @Nonbinding
    String value();
}
