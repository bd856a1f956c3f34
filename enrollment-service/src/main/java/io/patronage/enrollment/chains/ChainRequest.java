package io.patronage.enrollment.chains;

import java.util.List;

/**
 * The body of {@code PUT /chains/{chainId}}: the whole chain as it should be from now on (an absent optional field
 * takes its default). Values are taken as text where a wrong one should be reported against its field with all the
 * others ({@link ChainValidator}), not fail JSON binding. The field names are those of {@code ChainConfigured}, so
 * what {@code GET /chains/{chainId}} answers can be edited and sent back.
 *
 * @param chainId          optional; when given it must be the path's
 * @param currency         ISO 4217 code, required
 * @param timeZone         IANA zone id, required
 * @param defaultLocale    BCP 47 tag of members who give none; default the service's {@code default-locale}
 * @param pointValue       what one point is worth in the currency, a positive decimal such as {@code "0.01"}; required
 * @param enrollmentPolicy who may join; default open to anyone
 * @param tillLimits       bounds on the chain's till records; default the platform's
 */
public record ChainRequest(String chainId,
                           String currency,
                           String timeZone,
                           String defaultLocale,
                           String pointValue,
                           PolicyRequest enrollmentPolicy,
                           LimitsRequest tillLimits) {

    /**
     * @param mode             {@code OPEN}, {@code INVITATION} or {@code CLOSED} (any case); default {@code OPEN}
     * @param minimumAge       years, 0 (the default) for none
     * @param requiredConsents {@code TERMS}, {@code MARKETING_EMAIL}, {@code MARKETING_SMS} (any case, {@code -} for
     *                         {@code _})
     */
    public record PolicyRequest(String mode, List<String> invitationCodes, Integer minimumAge,
                                List<String> requiredConsents) {
    }

    /** Durations as ISO 8601 ({@code PT5M}, {@code P400D}); the total in the chain's currency. */
    public record LimitsRequest(String maxTotal, Integer maxLines, String maxClockSkew, String maxAge) {
    }
}
