package dev.funnel.marketing.api;

import dev.funnel.marketing.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks of one posted lead beyond its field annotations, shared by the single and the batch capture. */
@ApplicationScoped
public class LeadRequestRules {

    @Inject
    DeploymentCurrency currency;

    @Inject
    Validator validator;

    /** Rules across fields: a campaign named one way or another, and the deployment's currency. */
    public List<Problem.FieldError> check(LeadRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.campaignId() == null && (request.utm() == null || request.utm().isEmpty())) {
            errors.add(new Problem.FieldError("campaignId", "name the lead's campaign: campaignId or utm is required"));
        } else if (request.campaignId() != null && Campaign.findById(request.campaignId()) == null) {
            errors.add(new Problem.FieldError("campaignId", "no campaign has the id " + request.campaignId()));
        }
        currency.check(request.currency(), errors);
        return errors;
    }

    /** Every problem of a lead that arrived inside a batch: its field constraints and the rules above. */
    public List<Problem.FieldError> checkAll(LeadRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>(BatchItems.violations(validator, request));
        errors.addAll(check(request));
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }
}
