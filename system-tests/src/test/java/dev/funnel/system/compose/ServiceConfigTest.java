package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The environment variable → property rule the compose check relies on, on its own, including the misses it must report. */
class ServiceConfigTest {

    static final String PROPERTIES = """
            quarkus.http.port=8081
            quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:15432/marketing
            kafka.bootstrap.servers=localhost:19092
            %test.funnel.outbox.poll-interval=200ms
            %test.quarkus.http.port=0
            %test.quarkus.log.category."org.apache.kafka".level=WARN
            """;

    static final String CONFIG_MAPPING = """
            package dev.funnel.example;

            import io.smallrye.config.ConfigMapping;

            /** Settings; see https://quarkus.io/guides/config-mappings // not a comment end */
            @ConfigMapping(prefix = "funnel")
            public interface ExampleConfig {

                /** The currency. Env: FUNNEL_CURRENCY. */
                @WithDefault("USD")
                String currency();

                // @WithName("ignored") inside a comment must not rename anything
                Outbox outbox();

                @WithName("base-url")
                @WithDefault("http://localhost:8080/{x}")
                String endpoint();

                Map<String, String> labels();

                Optional<Duration> grace();

                default boolean strict() {
                    return currency().equals("USD");
                }

                interface Outbox {
                    @WithDefault("500")
                    int batchSize();

                    Duration pollInterval();
                }
            }
            """;

    @Test
    void aKeyBecomesUpperCaseWithEveryOtherCharacterAnUnderscore() {
        assertThat(ServiceConfig.environmentName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ServiceConfig.environmentName("funnel.outbox.poll-interval")).isEqualTo("FUNNEL_OUTBOX_POLL_INTERVAL");
        assertThat(ServiceConfig.environmentName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
        assertThat(ServiceConfig.environmentName("kafka_Bootstrap_servers")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void anEnvironmentVariableFindsTheKeyItSetsInApplicationProperties() {
        ServiceConfig config = new ServiceConfig(ServiceConfig.properties(PROPERTIES), Set.of());

        assertThat(config.keyFor("QUARKUS_DATASOURCE_JDBC_URL")).contains("quarkus.datasource.jdbc.url");
        assertThat(config.keyFor("KAFKA_BOOTSTRAP_SERVERS")).contains("kafka.bootstrap.servers");
        assertThat(config.keyFor("kafka_bootstrap_servers")).as("compared case-insensitively").contains("kafka.bootstrap.servers");
        // a key that only a profile sets is still a key the service reads
        assertThat(config.keyFor("FUNNEL_OUTBOX_POLL_INTERVAL")).contains("funnel.outbox.poll-interval");
    }

    @Test
    void aMisspeltOrUnknownVariableFindsNoKey() {
        ServiceConfig config = new ServiceConfig(ServiceConfig.properties(PROPERTIES), Set.of());

        assertThat(config.keyFor("QUARKUS_DATASOURCE_JDBC_URI")).isEmpty();
        assertThat(config.keyFor("KAFKA_BOOTSTRAP_SERVER")).isEmpty();
        assertThat(config.keyFor("QUARKUS_DATASOURCE_JDBC")).as("a prefix of a key is not a key").isEmpty();
        assertThat(config.keyFor("FUNNEL_CURRENCY")).as("neither in the properties nor in a mapping").isEmpty();
    }

    @Test
    void theProductionValueWinsOverAProfileOne() {
        ServiceConfig config = new ServiceConfig(ServiceConfig.properties(PROPERTIES), Set.of());

        assertThat(config.value("quarkus.http.port")).contains("8081");
    }

    @Test
    void aConfigMappingDeclaresItsPropertiesWithKebabCaseNamesUnderItsPrefix() {
        Set<String> keys = ServiceConfig.configMappingKeys(List.of(CONFIG_MAPPING));

        assertThat(keys).containsExactlyInAnyOrder(
                "funnel.currency",
                "funnel.outbox.batch-size",
                "funnel.outbox.poll-interval",
                "funnel.base-url",
                "funnel.labels.*",
                "funnel.grace");
    }

    @Test
    void anEnvironmentVariableFindsAPropertyThatOnlyAConfigMappingDeclares() {
        ServiceConfig config = new ServiceConfig(Map.of(), ServiceConfig.configMappingKeys(List.of(CONFIG_MAPPING)));

        assertThat(config.keyFor("FUNNEL_CURRENCY")).contains("funnel.currency");
        assertThat(config.keyFor("FUNNEL_OUTBOX_BATCH_SIZE")).contains("funnel.outbox.batch-size");
        assertThat(config.keyFor("FUNNEL_LABELS_TEAM")).as("any key of a Map property").contains("funnel.labels.*");
        assertThat(config.keyFor("FUNNEL_OUTBOX")).as("a group is not a property").isEmpty();
        assertThat(config.keyFor("FUNNEL_STRICT")).as("a default method is not a property").isEmpty();
        assertThat(config.keyFor("FUNNEL_ENDPOINT")).as("@WithName renamed it").isEmpty();
    }

    @Test
    void camelCaseNamesBecomeKebabCase() {
        assertThat(ServiceConfig.kebab("currency")).isEqualTo("currency");
        assertThat(ServiceConfig.kebab("pollInterval")).isEqualTo("poll-interval");
        assertThat(ServiceConfig.kebab("maxHTTPSize")).isEqualTo("max-http-size");
    }
}
