package io.patronage.enrollment.member;

/**
 * A postal address as the member writes it; formats differ too much between countries to split further.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code GR}
 */
public record PostalAddress(String street, String postalCode, String city, String country) {
}
