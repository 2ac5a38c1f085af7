package dev.funnel.analytics.api;

/**
 * Names of the parts of the OpenAPI document declared once (in package-info) that operations refer to: the
 * problem answers, and the query parameters every funnel query shares.
 */
final class OpenApiNames {

    /** 400: query parameters that cannot be used, each named. */
    static final String BAD_PARAMETER = "BadParameter";
    /** 404: no such rebuild. */
    static final String NOT_FOUND = "NotFound";
    /** The window's start, {@code from}. */
    static final String FROM = "from";
    /** The window's end, {@code to}. */
    static final String TO = "to";
    /** One campaign, {@code campaignId}. */
    static final String CAMPAIGN_ID = "campaignId";
    /** One channel, {@code channel}. */
    static final String CHANNEL = "channel";

    /** 401: no valid bearer token. */
    static final String UNAUTHENTICATED = "Unauthenticated";
    /** 403: a valid token without a role the operation admits. */
    static final String FORBIDDEN = "Forbidden";

    private OpenApiNames() {
    }
}
