package dev.funnel.marketing.api;

import dev.funnel.marketing.metrics.FunnelMeters;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Counts a single posted lead as rejected when its answer says so (400 or 422). A lead is refused in several
 * places, before the method runs (bean validation, unreadable JSON) and after (the rules, inside a capture
 * group); the answer is the one place all of them pass.
 */
public class RejectedLeadCount {

    @Inject
    FunnelMeters meters;

    @ServerResponseFilter
    public void count(ContainerResponseContext response, SimpleResourceInfo resource) {
        int status = response.getStatus();
        if ((status == 400 || status == 422) && resource != null && resource.getResourceClass() == LeadResource.class
                && resource.getMethodName().equals("capture")) {
            meters.rejected(1);
        }
    }
}
