package com.stadium.quota.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks share about their report: the machine's load, and their table in docs/benchmarks.md. */
final class BenchmarkDocs {

    private BenchmarkDocs() {
    }

    /** The one-minute load average, to say how busy the shared machine was. */
    static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Puts the table between {@code <!-- name:start -->} and {@code <!-- name:end -->} of docs/benchmarks.md. */
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
}
