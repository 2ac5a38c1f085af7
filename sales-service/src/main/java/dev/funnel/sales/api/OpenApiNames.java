package dev.funnel.sales.api;

/**
 * Names of the parts of the OpenAPI document declared once (in package-info) that operations refer to, so
 * that every operation's problem answers carry the same schema and example.
 */
final class OpenApiNames {

    /** 400: the body is not JSON. */
    static final String MALFORMED = "MalformedJson";
    /** 400: a query parameter that cannot be understood, named. */
    static final String BAD_PARAMETER = "BadParameter";
    /** 404: no such lead, follow-up or rep. */
    static final String NOT_FOUND = "NotFound";
    /** 409: the change clashes with the state it found (completed already, a newer version, a concurrent change). */
    static final String CONFLICT = "Conflict";
    /** 422: fields that break a rule, each named. */
    static final String INVALID = "InvalidRequest";
    /** The optional Idempotency-Key header of a referral. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** 401: no valid bearer token. */
    static final String UNAUTHENTICATED = "Unauthenticated";
    /** 403: a valid token without a role the operation admits. */
    static final String FORBIDDEN = "Forbidden";

    private OpenApiNames() {
    }
}
