package io.patronage.enrollment.chains;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.RequiredConsent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A chain to seed, from {@code patronage.enrollment.chains.<chainId>.*}: published to {@code loyalty.chains.v1} at
 * startup only when the topic has no such chain yet (so what the admin API changed survives a restart); checked
 * like a {@code PUT /chains/{chainId}} ({@link ChainValidator}).
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
    private String currency;
    private BigDecimal pointValue;
    private BigDecimal tillMaxTotal;
    private Integer tillMaxLines;
    private Duration tillMaxClockSkew;
    private Duration tillMaxAge;

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

    /** ISO 4217 code of the chain's till records; required. */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** What one point is worth in the currency; required. */
    public BigDecimal getPointValue() {
        return pointValue;
    }

    public void setPointValue(BigDecimal pointValue) {
        this.pointValue = pointValue;
    }

    public BigDecimal getTillMaxTotal() {
        return tillMaxTotal;
    }

    public void setTillMaxTotal(BigDecimal tillMaxTotal) {
        this.tillMaxTotal = tillMaxTotal;
    }

    public Integer getTillMaxLines() {
        return tillMaxLines;
    }

    public void setTillMaxLines(Integer tillMaxLines) {
        this.tillMaxLines = tillMaxLines;
    }

    public Duration getTillMaxClockSkew() {
        return tillMaxClockSkew;
    }

    public void setTillMaxClockSkew(Duration tillMaxClockSkew) {
        this.tillMaxClockSkew = tillMaxClockSkew;
    }

    public Duration getTillMaxAge() {
        return tillMaxAge;
    }

    public void setTillMaxAge(Duration tillMaxAge) {
        this.tillMaxAge = tillMaxAge;
    }

    /** The seed as the admin API's request for it. */
    public ChainRequest toRequest() {
        return new ChainRequest(chainId, currency, timeZone, defaultLocale,
                pointValue == null ? null : pointValue.toPlainString(),
                new ChainRequest.PolicyRequest(enrollment == null ? null : enrollment.name(), invitationCodes, minimumAge,
                        requiredConsents.stream().map(Enum::name).toList()),
                new ChainRequest.LimitsRequest(tillMaxTotal == null ? null : tillMaxTotal.toPlainString(), tillMaxLines,
                        tillMaxClockSkew == null ? null : tillMaxClockSkew.toString(),
                        tillMaxAge == null ? null : tillMaxAge.toString()));
    }
}
