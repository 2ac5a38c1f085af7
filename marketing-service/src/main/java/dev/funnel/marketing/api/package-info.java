/**
 * marketing-service's REST API: campaigns, spend, awareness and lead capture. The annotation below is the
 * head of its OpenAPI document (/q/openapi); the operations are described on the resources, and the
 * problem answers they share are declared once here and referred to by name.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Funnel marketing-service",
                version = "1.0.0",
                description = """
                        Campaigns, their spend and awareness (impressions, clicks, visits), and lead capture for web \
                        forms, ad platforms and other systems. Every change is published to Kafka through a \
                        transactional outbox (marketing.leads, marketing.campaigns; see the AsyncAPI document in \
                        contracts). Amounts are in the deployment's one reporting currency (USD unless configured); \
                        times are ISO-8601 UTC. Errors are RFC 9457 application/problem+json naming each offending \
                        field in errors[].field.""",
                contact = @Contact(name = "Funnel maintainers", url = "https://funnel.dev")),
        servers = {
                @Server(url = "/", description = "The instance serving this document"),
                @Server(url = "http://localhost:8081", description = "Local: ./funnel up")},
        tags = {
                @Tag(name = "Campaigns", description = "Launch, list, read and change campaigns; record their spend."),
                @Tag(name = "Awareness", description = "Impressions, clicks and visits, summed per campaign and UTC hour."),
                @Tag(name = "Leads", description = "Capture leads one by one or in batches, read them, erase a person.")},
        components = @Components(
                parameters = @Parameter(name = OpenApiNames.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                        description = "Optional, 1 to 255 characters. A retried request with the same key and body gets "
                                + "the first answer again (status and body) and changes nothing; the same key with "
                                + "another body is refused with 422.",
                        schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255),
                        example = "form-7f3c2a9e-0001"),
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
                                description = "A query parameter is not of its type (a word for a page number).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "badParameter", value = """
                                                {"type": "about:blank", "title": "Bad Request", "status": 400,
                                                 "detail": "HTTP 400 Bad Request"}"""))),
                        @APIResponse(name = OpenApiNames.NOT_FOUND,
                                description = "Nothing has this id (or the id is not a UUID).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unknown", value = """
                                                {"type": "about:blank", "title": "Not Found", "status": 404,
                                                 "detail": "No campaign with id 0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10."}"""))),
                        @APIResponse(name = OpenApiNames.ENDED, description = "The campaign has ended: it takes no more changes.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "ended", value = """
                                                {"type": "about:blank", "title": "Conflict", "status": 409,
                                                 "detail": "Campaign 0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10 has ended; an ended campaign cannot change."}"""))),
                        @APIResponse(name = OpenApiNames.TOO_LARGE,
                                description = "The batch holds more items than one request may carry; nothing was stored. "
                                        + "Split it.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "tooLarge", value = """
                                                {"type": "https://funnel.dev/problems/batch-too-large",
                                                 "title": "Batch too large", "status": 413,
                                                 "detail": "A batch holds at most 1000 leads; this one has 1200. Split it."}"""))),
                        @APIResponse(name = OpenApiNames.INVALID, description = "Invalid input: errors[] names each "
                                + "offending field by its JSON path (or the Idempotency-Key header), with what is wrong.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "invalid", value = """
                                                {"type": "https://funnel.dev/problems/invalid-request",
                                                 "title": "Invalid request", "status": 422,
                                                 "detail": "The request has 2 invalid fields.",
                                                 "errors": [{"field": "email", "message": "must be a well-formed email address"},
                                                            {"field": "utm.campaign", "message": "size must be between 0 and 200"}]}"""))),
                        @APIResponse(name = OpenApiNames.RATE_LIMITED,
                                description = "This caller sent more requests than its rate allows (a token bucket per "
                                        + "caller); nothing was stored. Retry after the seconds in Retry-After.",
                                headers = @Header(name = "Retry-After", required = true,
                                        description = "Whole seconds to wait before this caller's next request is taken.",
                                        schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "rateLimited", value = """
                                                {"type": "https://funnel.dev/problems/rate-limited",
                                                 "title": "Too many requests", "status": 429,
                                                 "detail": "This caller sent more requests than its rate allows; nothing was stored. Retry after 1 s."}"""))),
                        @APIResponse(name = OpenApiNames.BUSY,
                                description = "Too many leads are waiting to be stored; nothing was stored. Retry shortly.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                                   schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "busy", value = """
                                                {"type": "about:blank", "title": "Service Unavailable", "status": 503,
                                                 "detail": "Too many leads are waiting to be stored; retry in a moment."}""")))}))
package dev.funnel.marketing.api;

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
