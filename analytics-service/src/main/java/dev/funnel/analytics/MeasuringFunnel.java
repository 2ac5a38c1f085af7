package dev.funnel.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;

/** Measures the funnel of the leads a filter selects. */
@ApplicationScoped
public class MeasuringFunnel {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Funnel measure(FunnelFilter filter) {
        long leads = LeadFact.countCreated(filter);
        // Only marketing.leads is consumed so far: awareness, spend and the sales stages are honestly zero
        // (and their ratios null) until their streams are joined in.
        return Funnel.of(new Funnel.Counts(0, 0, 0, leads, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, Duration.ZERO));
    }
}
