package dev.funnel.marketing.api;

import dev.funnel.marketing.config.MarketingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** One reporting currency per deployment: every amount posted in another one is refused. */
@ApplicationScoped
public class DeploymentCurrency {

    @Inject
    MarketingConfig config;

    /** Adds a problem for {@code currency} to {@code errors} unless it is absent or the deployment's. */
    public void check(String currency, List<Problem.FieldError> errors) {
        if (currency != null && !currency.equals(config.currency())) {
            errors.add(new Problem.FieldError("currency", "must be " + config.currency() + ", this deployment's currency"));
        }
    }
}
