package dev.funnel.marketing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.Validator;
import java.util.List;

/**
 * Reading one item of a batch body on its own, so that a bad item is rejected with its problems
 * while the rest of the batch goes on: the lead batch and the awareness batch both do this.
 */
final class BatchItems {

    private BatchItems() {
    }

    /**
     * The item as a {@code type}, or null with the reason added to {@code errors}.
     *
     * @param notAnObject what to say when the item is not a JSON object at all
     * @param notA        what to say, before the parser's words, when it cannot be read as a {@code type}
     */
    static <T> T read(ObjectMapper json, JsonNode item, Class<T> type, String notAnObject, String notA,
                      List<Problem.FieldError> errors) {
        if (item == null || !item.isObject()) {
            errors.add(new Problem.FieldError("body", notAnObject));
            return null;
        }
        try {
            return json.treeToValue(item, type);
        } catch (MismatchedInputException e) {
            errors.add(new Problem.FieldError(ProblemMappers.pathOf(e), ProblemMappers.describe(e)));
        } catch (JsonProcessingException e) {
            errors.add(new Problem.FieldError("body", notA + ProblemMappers.withoutJava(e.getOriginalMessage())));
        }
        return null;
    }

    /** The item's field constraints that fail, each naming its field. */
    static List<Problem.FieldError> violations(Validator validator, Object item) {
        return validator.validate(item).stream()
                .map(v -> new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage()))
                .toList();
    }
}
