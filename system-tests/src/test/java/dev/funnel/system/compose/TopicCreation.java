package dev.funnel.system.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code kafka-topics.sh --create} call of a shell script, as the kafka-init service runs it.
 *
 * @param topic           the {@code --topic}, null when the call names none
 * @param partitions      the {@code --partitions}, null when left to the broker's default
 * @param ifNotExists     whether a second run succeeds too ({@code --if-not-exists})
 * @param bootstrapServer the {@code --bootstrap-server}, null when missing
 * @param retentionMs     the {@code --config retention.ms=}, null when left to the broker's default
 */
record TopicCreation(String topic, Integer partitions, boolean ifNotExists, String bootstrapServer, Long retentionMs) {

    /** Every topic creation in {@code script}; commands are separated by new lines, {@code ;} or {@code &&}. */
    static List<TopicCreation> in(String script) {
        List<TopicCreation> creations = new ArrayList<>();
        for (String command : script.replace("\\\n", " ").split("\n|;|&&")) {
            List<String> words = List.of(command.trim().replace("\"", "").replace("'", "").split("\\s+"));
            String program = words.get(0).equals("exec") && words.size() > 1 ? words.get(1) : words.get(0);
            boolean topicsTool = program.endsWith("kafka-topics.sh") || program.equals("kafka-topics");
            if (!topicsTool || !words.contains("--create")) {
                continue;
            }
            String partitions = option(words, "--partitions");
            String retention = topicConfig(words, "retention.ms");
            creations.add(new TopicCreation(
                    option(words, "--topic"),
                    partitions == null ? null : Integer.valueOf(partitions),
                    words.contains("--if-not-exists"),
                    option(words, "--bootstrap-server"),
                    retention == null ? null : Long.valueOf(retention)));
        }
        return creations;
    }

    /** The value of one {@code --config name=value} of the call, null when it sets none. */
    private static String topicConfig(List<String> words, String name) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("--config") && words.get(i + 1).startsWith(name + "=")) {
                return words.get(i + 1).substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String option(List<String> words, String name) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(name) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
            if (word.startsWith(name + "=")) {
                return word.substring(name.length() + 1);
            }
        }
        return null;
    }
}
