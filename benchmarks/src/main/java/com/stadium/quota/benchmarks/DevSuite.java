package com.stadium.quota.benchmarks;

/**
 * Where the suite of {@code ./suite start} listens (dev ports), each overridable by a system property: the benchmarks
 * that call the running suite all start from here.
 */
final class DevSuite {

    static final String KEYCLOAK = System.getProperty("keycloak", "http://127.0.0.1:18180");
    static final String QUOTA = System.getProperty("quota", "http://127.0.0.1:8081");
    /** quota-service's second instance of {@code ./suite start --replicas 2} (its port + 10). */
    static final String QUOTA_SECOND = System.getProperty("quota2", "http://127.0.0.1:8091");
    static final String ALLOCATION = System.getProperty("allocation", "http://127.0.0.1:8082");
    /** quota-service's database, for the counts a benchmark checks afterwards and its raw baseline. */
    static final String DB = System.getProperty("db", "jdbc:postgresql://127.0.0.1:15432/quota_service");
    static final String DB_USER = System.getProperty("dbUser", "quota_service");
    static final String DB_PASSWORD = System.getProperty("dbPassword", "local-demo");

    private DevSuite() {
    }
}
