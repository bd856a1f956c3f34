package io.patronage.enrollment.selfservice;

/** The body of {@code PUT /members/{id}/consents}; an absent answer keeps the current one. */
public record ConsentsRequest(Boolean marketingEmail, Boolean marketingSms) {
}
