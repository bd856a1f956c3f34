package io.patronage.enrollment.selfservice;

import io.patronage.enrollment.enrolling.ContactFields;

/** The body of {@code PUT /members/{id}/contact}: the member's contact details as they should be from now on. */
public record ContactRequest(String email, String phone, ContactFields.AddressRequest address) {
}
