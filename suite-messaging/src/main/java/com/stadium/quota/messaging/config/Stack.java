package com.stadium.quota.messaging.config;

/** Groups of the backend services' config mappings for the servers every one of them uses. */
public interface Stack {

    /** The service's PostgreSQL (used by quarkus.datasource.jdbc.url). */
    interface Postgres {

        String host();

        int port();
    }

    /** The Kafka brokers (kafka.bootstrap.servers). */
    interface Kafka {

        String bootstrap();
    }

    /** Another server's base address. */
    interface Address {

        String url();
    }
}
