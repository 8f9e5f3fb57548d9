package com.stadium.quota.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The stack makes the topics of infra/kafka/topics.txt before anything writes: a topic left out would race. */
class TopicListTest {

    private static final Path ROOT = Path.of("..");

    /** The list's topics, each as its words: name, partitions, settings. */
    private static List<String[]> lines() throws IOException {
        return Files.readAllLines(ROOT.resolve("infra/kafka/topics.txt")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")).toList();
    }

    private static Set<String> listed() throws IOException {
        return lines().stream().map(words -> words[0]).collect(Collectors.toSet());
    }

    @Test
    void everyTopicOfTheContractIsMadeByTheStack() throws Exception {
        List<String> named = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                named.add((String) field.get(null));
            }
        }
        assertThat(named).hasSizeGreaterThan(5);
        assertThat(listed()).containsAll(named);
    }

    @Test
    void everyTopicAServiceIsConfiguredWithIncludingDeadLettersIsMadeByTheStack() throws IOException {
        Pattern topic = Pattern.compile("^[^#]*\\.topic=([a-z0-9.-]+)\\s*$", Pattern.MULTILINE);
        List<String> configured = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path properties : modules.map(m -> m.resolve("src/main/resources/application.properties"))
                    .filter(Files::exists).toList()) {
                Matcher found = topic.matcher(Files.readString(properties));
                while (found.find()) {
                    configured.add(found.group(1));
                }
            }
        }
        assertThat(configured).as("the services' topics and dead-letter topics")
                .contains(Topics.QUOTA_EVENTS, "allocation-results-dlq");
        assertThat(listed()).containsAll(configured);
    }

    @Test
    void theListNamesEachTopicOnceWithItsPartitions() throws IOException {
        List<String[]> lines = lines();
        assertThat(lines).allSatisfy(words -> assertThat(words[1]).as(Arrays.toString(words)).matches("[1-9][0-9]*"));
        assertThat(lines.stream().map(words -> words[0]).distinct().count()).isEqualTo(lines.size());
    }
}
