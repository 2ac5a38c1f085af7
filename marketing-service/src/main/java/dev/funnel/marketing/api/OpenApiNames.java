package dev.funnel.marketing.api;

/**
 * Names of the parts of the OpenAPI document declared once (in package-info) that operations refer to, so
 * that every operation's problem answers carry the same schema and example.
 */
final class OpenApiNames {

    /** 400: the body is not JSON. */
    static final String MALFORMED = "MalformedJson";
    /** 400: a query parameter that is not of its type (a word for a page number). */
    static final String BAD_PARAMETER = "BadParameter";
    /** 404: no such lead or campaign. */
    static final String NOT_FOUND = "NotFound";
    /** 409: the campaign has ended. */
    static final String ENDED = "CampaignEnded";
    /** 413: a batch with too many items. */
    static final String TOO_LARGE = "BatchTooLarge";
    /** 422: fields that break a rule, each named. */
    static final String INVALID = "InvalidRequest";
    /** 429 with Retry-After: the caller is past its rate on an intake endpoint. */
    static final String RATE_LIMITED = "RateLimited";
    /** 503: too many leads waiting to be stored. */
    static final String BUSY = "Busy";
    /** The optional Idempotency-Key header of the creating POSTs. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** 401: no valid bearer token. */
    static final String UNAUTHENTICATED = "Unauthenticated";
    /** 403: a valid token without a role the operation admits. */
    static final String FORBIDDEN = "Forbidden";

    private OpenApiNames() {
    }
}
