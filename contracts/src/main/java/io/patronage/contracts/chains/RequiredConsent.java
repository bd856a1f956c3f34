package io.patronage.contracts.chains;

/**
 * A consent a chain requires to join. Requiring a marketing consent is the chain's legal call (under
 * the GDPR consent must be freely given); the platform only enforces what is configured.
 */
public enum RequiredConsent {
    TERMS,
    MARKETING_EMAIL,
    MARKETING_SMS
}
