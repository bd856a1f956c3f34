package io.patronage.enrollment.member;

/**
 * How to reach a member. Personal data: it lives only in this service and travels inside
 * {@link PersonalData} (or, once contact details can change, in its own event).
 *
 * @param phone E.164, e.g. {@code +302101234567}; {@code null} when none was given
 */
public record ContactDetails(String email, String phone) {
}
