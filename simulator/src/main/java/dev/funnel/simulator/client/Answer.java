package dev.funnel.simulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A service's answer that was not a refusal: a confirmation or a rejection, with its JSON body. */
public record Answer(int status, JsonNode body) {

    public Answer {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public boolean confirms() {
        return status >= 200 && status < 300;
    }

    /** The problem's detail, or the status alone, for a line in the ledger. */
    public String problem() {
        String detail = body.path("detail").asText("");
        return status + (detail.isEmpty() ? "" : " " + detail);
    }
}
