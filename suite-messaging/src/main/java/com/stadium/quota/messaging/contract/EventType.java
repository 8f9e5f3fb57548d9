package com.stadium.quota.messaging.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a {@link SuiteEvent}'s type, payload version and topic, once, on the record itself. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** e.g. {@code quota.changed} */
    String name();

    int version();

    /** one of {@link Topics} */
    String topic();
}
