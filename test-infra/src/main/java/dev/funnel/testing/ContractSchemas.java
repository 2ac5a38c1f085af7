package dev.funnel.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.funnel.contracts.EventType;
import java.util.List;

/** Validates a payload a service really published against its JSON Schema in contracts. */
public final class ContractSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://funnel.dev/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    /** The schema violations of {@code json} as a payload of {@code type}; empty when it conforms. */
    public static List<String> violations(EventType<?> type, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + type.schema()), CONFIG);
        return schema.validate(json, com.networknt.schema.InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private ContractSchemas() {
    }
}
