import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes every topic of infra/kafka/topics.txt in one request (one JVM, where Kafka's TopicCommand takes one per topic).
 * Usage: java -cp "$KAFKA_HOME/lib/*" CreateTopics.java BOOTSTRAP topics.txt
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            Map<String, String> settings = new HashMap<>();
            for (int i = 2; i < words.length; i++) {
                String[] setting = words[i].split("=", 2);
                settings.put(setting[0], setting[1]);
            }
            topics.add(new NewTopic(words[0], Optional.of(Integer.parseInt(words[1])), Optional.empty())
                    .configs(settings));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            int made = 0;
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get();
                    made++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("topic " + result.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            System.out.println(made + " of " + topics.size() + " topics made");
        }
    }
}
