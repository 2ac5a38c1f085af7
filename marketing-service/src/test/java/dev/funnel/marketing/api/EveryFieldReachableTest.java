package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.internal.engine.PredefinedScopeValidatorFactoryImpl;
import org.junit.jupiter.api.Test;

/** The validator reads request bodies without asking Hibernate ORM field by field, and still finds what is wrong. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class EveryFieldReachableTest {

    @Inject
    ValidatorFactory validators;

    @Inject
    Validator validator;

    @Test
    void theValidatorUsesTheResolverThatReachesEveryField() {
        assertThat(validators.getTraversableResolver()).isInstanceOf(EveryFieldReachable.class);
    }

    @Test
    void itsAnswersAreNotCached() {
        // the implementation's own flag: the interface has no getter for it
        assertThat(validators.unwrap(HibernateValidatorFactory.class))
                .isInstanceOfSatisfying(PredefinedScopeValidatorFactoryImpl.class,
                        factory -> assertThat(factory.isTraversableResolverResultCacheEnabled()).isFalse());
    }

    @Test
    void badFieldsOfARequestAndOfWhatItCarriesAreStillFound() {
        LeadRequest.UtmParameters utm = new LeadRequest.UtmParameters(null, null, "c".repeat(201), null, null);
        LeadRequest request = new LeadRequest("not an email", null, null, null, null, null, null, null, null, null,
                null, null, utm, null, null, null);
        assertThat(validator.validate(request)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("email", "utm.campaign");
    }
}
