package io.patronage.enrollment.chains;

import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.EnrollmentPolicy;
import io.patronage.contracts.chains.RequiredConsent;

import java.time.ZoneId;
import java.util.Set;

/**
 * A chain's program policy, checked: who may enroll, from what age (judged by the date in the chain's
 * time zone), which consents are required, and the locale of members who give none.
 */
public record ChainPolicy(String chainId,
                          EnrollmentMode enrollment,
                          Set<String> invitationCodes,
                          int minimumAge,
                          Set<RequiredConsent> requiredConsents,
                          String defaultLocale,
                          ZoneId timeZone) {

    /** The policy of a chain as {@code loyalty.chains.v1} has it; a chain without a locale takes {@code fallbackLocale}. */
    static ChainPolicy of(ChainConfigured chain, String fallbackLocale) {
        EnrollmentPolicy policy = chain.enrollmentPolicy();
        String locale = chain.defaultLocale() == null ? null : LanguageTags.canonical(chain.defaultLocale());
        return new ChainPolicy(chain.chainId(), policy.mode(), Set.copyOf(policy.invitationCodes()), policy.minimumAge(),
                Set.copyOf(policy.requiredConsents()), locale == null ? fallbackLocale : locale, ZoneId.of(chain.timeZone()));
    }
}
