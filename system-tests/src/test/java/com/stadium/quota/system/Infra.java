package com.stadium.quota.system;

import java.io.IOException;
import java.nio.file.Path;

/** Stops and starts one part of the test stack (PostgreSQL, Kafka) through infra/stack.sh, as an outage would. */
final class Infra {

    private Infra() {
    }

    static void down(String component) {
        stack("down", component);
    }

    static void up(String component) {
        stack("up", component);
    }

    private static void stack(String action, String component) {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        try {
            Process process = new ProcessBuilder("bash", root.resolve("infra/stack.sh").toString(), "--profile",
                    "test", action, component).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("infra/stack.sh " + action + " " + component + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("infra/stack.sh " + action + " " + component + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
