package com.stadium.quota.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks write their tables (docs/benchmarks.md, between markers) and what they say of the machine. */
final class Docs {

    private Docs() {
    }

    /** Replaces what stands between {@code <!-- name:start -->} and {@code <!-- name:end -->} with the table. */
    static void write(String name, String table) throws Exception {
        Path docs = Path.of(System.getProperty("docs", "../docs/benchmarks.md"));
        String text = Files.readString(docs);
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(docs + " has no " + start + " … " + end + " markers");
        }
        Files.writeString(docs, text.substring(0, from + start.length()) + "\n" + table + text.substring(to));
        System.out.println("written into " + docs.toAbsolutePath().normalize());
    }

    /** The one-minute load average: how busy the machine was. */
    static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
