package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads a service's Prometheus text (/q/metrics) as an operator's query would. */
public final class Metrics {

    private final List<String> lines;

    private Metrics(List<String> lines) {
        this.lines = lines;
    }

    /** Scrapes the endpoint once (the management port's /q/metrics). */
    public static Metrics scrape(String url) {
        String text = given().get(url).then().statusCode(200).extract().asString();
        return new Metrics(Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#")).toList());
    }

    /**
     * The sum of the samples named {@code name} whose labels contain every {@code label="value"} given (0 when there
     * is none), as {@code sum(name{labels})} in PromQL.
     */
    public double sum(String name, String... labels) {
        return samples(name, labels).mapToDouble(Metrics::value).sum();
    }

    /** How many samples of that name carry every {@code label="value"} given (series, not their values). */
    public long count(String name, String... labels) {
        return samples(name, labels).count();
    }

    private Stream<String> samples(String name, String... labels) {
        return lines.stream()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(label -> labelsOf(l).contains("," + label + ",")));
    }

    /** Whether any sample of that name is exposed. */
    public boolean has(String name) {
        return samples(name).findAny().isPresent();
    }

    /** The sample's value: after the labels, before an exemplar ({@code # {trace_id=...} v ts}) or a timestamp. */
    private static double value(String line) {
        String sample = withoutExemplar(line);
        int labelsEnd = sample.lastIndexOf('}');
        String afterLabels = sample.substring(labelsEnd >= 0 ? labelsEnd + 1 : sample.indexOf(' ')).trim();
        return Double.parseDouble(afterLabels.split(" ")[0]);
    }

    private static String labelsOf(String line) {
        String sample = withoutExemplar(line);
        int open = sample.indexOf('{');
        return open < 0 ? "" : "," + sample.substring(open + 1, sample.lastIndexOf('}')) + ",";
    }

    private static String withoutExemplar(String line) {
        return line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
    }
}
