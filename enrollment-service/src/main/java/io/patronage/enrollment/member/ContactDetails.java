package io.patronage.enrollment.member;

/**
 * How to reach a member. Personal data: sealed in events, never published.
 *
 * @param phone   E.164, e.g. {@code +302101234567}; {@code null} when none was given
 * @param address {@code null} when none was given
 */
public record ContactDetails(String email, String phone, PostalAddress address) {
}
