package io.patronage.enrollment.chains;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * One chain's program policy, from {@code patronage.enrollment.chains.<chainId>.*} (chain ids in
 * configuration: lower-case letters, digits and {@code -}).
 */
@EachProperty("patronage.enrollment.chains")
public class ChainSettings {

    private final String chainId;
    private EnrollmentMode enrollment = EnrollmentMode.OPEN;
    private List<String> invitationCodes = List.of();
    private int minimumAge;
    private List<RequiredConsent> requiredConsents = List.of();
    private String defaultLocale;
    private String timeZone = "UTC";

    public ChainSettings(@Parameter String chainId) {
        this.chainId = chainId;
    }

    public String getChainId() {
        return chainId;
    }

    public EnrollmentMode getEnrollment() {
        return enrollment;
    }

    public void setEnrollment(EnrollmentMode enrollment) {
        this.enrollment = enrollment;
    }

    public List<String> getInvitationCodes() {
        return invitationCodes;
    }

    public void setInvitationCodes(List<String> invitationCodes) {
        this.invitationCodes = List.copyOf(invitationCodes);
    }

    public int getMinimumAge() {
        return minimumAge;
    }

    public void setMinimumAge(int minimumAge) {
        this.minimumAge = minimumAge;
    }

    public List<RequiredConsent> getRequiredConsents() {
        return requiredConsents;
    }

    public void setRequiredConsents(List<RequiredConsent> requiredConsents) {
        this.requiredConsents = List.copyOf(requiredConsents);
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
