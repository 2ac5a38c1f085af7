/**
 * sales-service's REST API: the sales view of leads, the pipeline, follow-ups, scoring rules and reps. The
 * annotation below is the head of its OpenAPI document (/q/openapi); the operations are described on the
 * resources, and the problem answers they share are declared once here and referred to by name.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Funnel sales-service",
                version = "1.0.0",
                description = """
                        The sales side of the funnel. Leads arrive from marketing over Kafka (marketing.leads), are \
                        scored by rules a sales manager edits and moved to QUALIFIED or DISQUALIFIED by the threshold; \
                        qualified leads go to the active reps in turn. Reps move them NEW → QUALIFIED → CONTACTED → \
                        PROPOSAL → NEGOTIATION → WON, or to LOST from any open stage, and schedule follow-ups. Every \
                        move is published on sales.pipeline (see the AsyncAPI document in contracts). Amounts are in \
                        the deployment's one reporting currency; times are ISO-8601 UTC. Errors are RFC 9457 \
                        application/problem+json naming each offending field or parameter in errors[].field.""",
                contact = @Contact(name = "Funnel maintainers", url = "https://funnel.dev")),
        servers = {
                @Server(url = "/", description = "The instance serving this document"),
                @Server(url = "http://localhost:8082", description = "Local: ./funnel up")},
        tags = {
                @Tag(name = "Leads", description = "The sales view of leads and their moves through the pipeline."),
                @Tag(name = "Follow-ups", description = "Calls, emails, meetings and check-ins scheduled with leads."),
                @Tag(name = "Scoring", description = "The scoring rules and the qualification threshold."),
                @Tag(name = "Reps", description = "Sales reps; the active ones are given new qualified leads in turn.")},
        components = @Components(
                parameters = @Parameter(name = OpenApiNames.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                        description = "Optional, 1 to 255 characters; passed on to marketing, so that a retried referral "
                                + "captures the referred lead once.",
                        schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255),
                        example = "referral-7f3c2a9e-0001"),
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
                        @APIResponse(name = OpenApiNames.MALFORMED, description = "The body is not valid JSON.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "malformed", value = """
                                                {"type": "about:blank", "title": "Bad Request", "status": 400,
                                                 "detail": "The body is not valid JSON: Unexpected end-of-input"}"""))),
                        @APIResponse(name = OpenApiNames.BAD_PARAMETER,
                                description = "A query parameter cannot be understood; errors[] names it.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "badParameter", value = """
                                                {"type": "https://funnel.dev/problems/invalid-request",
                                                 "title": "Invalid request", "status": 400,
                                                 "detail": "The parameter owner is invalid.",
                                                 "errors": [{"field": "owner", "message": "must be a UUID"}]}"""))),
                        @APIResponse(name = OpenApiNames.NOT_FOUND,
                                description = "Nothing has this id (or the id is not a UUID).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unknown", value = """
                                                {"type": "about:blank", "title": "Not Found", "status": 404,
                                                 "detail": "No lead with id 5d1f0c8e-2a47-4f3b-9b8e-1c6a2f4e7d90."}"""))),
                        @APIResponse(name = OpenApiNames.CONFLICT,
                                description = "The change clashes with what it found; read again before retrying.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "concurrentChange", value = """
                                                {"type": "about:blank", "title": "Conflict", "status": 409,
                                                 "detail": "It was changed by someone else at the same time; read it again and retry."}"""))),
                        @APIResponse(name = OpenApiNames.INVALID, description = "Invalid input: errors[] names each "
                                + "offending field by its JSON path (or the query parameter), with what is wrong.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "invalid", value = """
                                                {"type": "https://funnel.dev/problems/invalid-request",
                                                 "title": "Invalid request", "status": 422,
                                                 "detail": "The request has 1 invalid field.",
                                                 "errors": [{"field": "amount", "message": "is required to move a lead to WON"}]}""")))}))
package dev.funnel.sales.api;

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
