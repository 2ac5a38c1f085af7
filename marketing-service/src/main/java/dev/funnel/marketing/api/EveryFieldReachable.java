package dev.funnel.marketing.api;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation may read every field of what it validates here: request bodies are plain records, and no
 * entity of this service has an association that could be loaded lazily. The default resolver, with Hibernate
 * ORM present, asks for every field of every record whether the persistence context has it loaded: a
 * reflective look-up that was 2.5% of marketing's CPU samples in lead capture at flat out (JFR, 30 s). With
 * this resolver it is gone, and its answers are not cached either ({@link NoResultCache}). Hibernate ORM's own
 * validation of entities before they are written uses a resolver of its own and is not affected.
 */
@ApplicationScoped
public class EveryFieldReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    /**
     * Hibernate Validator keeps the answers of any resolver but its own in a map for each validation, so as to
     * ask it once a field; for a resolver that always answers yes, filling and reading that map is all the
     * cost: 3.3% of the event loops' CPU samples at flat out (JFR, 20 s of lead POSTs).
     */
    @ApplicationScoped
    static class NoResultCache implements ValidatorFactoryCustomizer {

        @Override
        public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
            configuration.enableTraversableResolverResultCache(false);
        }
    }
}
