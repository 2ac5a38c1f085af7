/**
 * analytics-service's REST API: the funnel's figures, per campaign and channel, over time, attributed, live, and
 * the rebuild from the topics. The annotation below is the head of its OpenAPI document (/q/openapi); the
 * operations are described on the resources, and what they share is declared once here and referred to by name.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Funnel analytics-service",
                version = "1.0.0",
                description = """
                        The funnel's figures, joined from every event on marketing.leads, marketing.campaigns and \
                        sales.pipeline (see the AsyncAPI document in contracts). A lead, its stages, deals and revenue \
                        count in [from, to) by the lead's creation time; spend by its day, awareness by its hour. \
                        Ratios: ctr = clicks / impressions, visitToLead = leads / visits, leadToQualified = qualified \
                        / leads, qualifiedToWon = won / qualified, winRate = won / (won + lost), avgDealSize = revenue \
                        / won, avgSalesCycleDays = mean days from lead creation to won, costPerLead = spend / leads, \
                        cac = spend / won, roas = revenue / spend, roi = (revenue - spend) / spend; a ratio whose \
                        denominator is 0 is null. Money is in the deployment's reporting currency. A bad parameter is \
                        an RFC 9457 application/problem+json 400 naming it in errors[].field. The dashboard is at /.""",
                contact = @Contact(name = "Funnel maintainers", url = "https://funnel.dev")),
        servers = {
                @Server(url = "/", description = "The instance serving this document"),
                @Server(url = "http://localhost:8083", description = "Local: ./funnel up")},
        tags = {
                @Tag(name = "Funnel", description = "One funnel, a row per campaign or channel, a time series, live updates."),
                @Tag(name = "Attribution", description = "Won deals and revenue per campaign under an attribution model."),
                @Tag(name = "Rebuild", description = "Rebuild analytics from the topics, and follow its progress."),
                @Tag(name = "Dashboard session", description = "Sign the dashboard page in and out (a cookie).")},
        components = @Components(
                parameters = {
                        @Parameter(name = OpenApiNames.FROM, in = ParameterIn.QUERY,
                                description = "Start of the window, included: an ISO date (its UTC midnight) or instant. "
                                        + "Absent or blank: the beginning.",
                                schema = @Schema(type = SchemaType.STRING), example = "2026-03-01"),
                        @Parameter(name = OpenApiNames.TO, in = ParameterIn.QUERY,
                                description = "End of the window, excluded: an ISO date (its UTC midnight) or instant. "
                                        + "Absent or blank: now.",
                                schema = @Schema(type = SchemaType.STRING), example = "2026-04-01T00:00:00Z"),
                        @Parameter(name = OpenApiNames.CAMPAIGN_ID, in = ParameterIn.QUERY,
                                description = "Only this campaign's leads, spend and awareness.",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = OpenApiNames.CHANNEL, in = ParameterIn.QUERY,
                                description = "Only this channel's (any case).",
                                schema = @Schema(implementation = Channel.class))},
                responses = {
                        @APIResponse(name = OpenApiNames.UNAUTHENTICATED,
                                description = "No bearer token, or one that is expired, malformed or not signed by "
                                        + "this deployment's issuer.",
                                headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                                                  schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "noToken", value = """
                                                {"type": "about:blank", "title": "Unauthorized", "status": 401,
                                                 "detail": "This request needs a valid bearer token (Authorization: Bearer <JWT>): none was sent, or it has expired, or this deployment's issuer did not sign it."}"""))),
                        @APIResponse(name = OpenApiNames.FORBIDDEN,
                                description = "The token is valid, but none of its roles is one this operation admits.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "wrongRole", value = """
                                                {"type": "about:blank", "title": "Forbidden", "status": 403,
                                                 "detail": "This request needs the role admin; the token carries lead-intake."}"""))),
                        @APIResponse(name = OpenApiNames.BAD_PARAMETER,
                                description = "Query parameters that cannot be used; errors[] names each.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "badWindow", value = """
                                                {"type": "https://funnel.dev/problems/invalid-request",
                                                 "title": "Invalid request", "status": 400,
                                                 "detail": "The request has 1 invalid parameter.",
                                                 "errors": [{"field": "to", "message": "must be after from: the window is [from, to)"}]}"""))),
                        @APIResponse(name = OpenApiNames.NOT_FOUND, description = "No such rebuild.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unknown", value = """
                                                {"type": "about:blank", "title": "Not Found", "status": 404,
                                                 "detail": "No rebuild has been started yet."}""")))}))
package dev.funnel.analytics.api;

import dev.funnel.contracts.Channel;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
