package io.patronage.enrollment.member;

import java.time.LocalDate;

/**
 * Everything personal an event says about a member, kept in one value so that it can be encrypted as
 * one unit with a per-member key (erasure by destroying the key) without touching the rest of the
 * event: ids, card number and dates stay readable in the log.
 *
 * @param birthDate {@code null} when the member gave none
 * @param locale    canonical BCP 47 tag the member reads messages in, e.g. {@code el-GR}
 */
public record PersonalData(String firstName,
                           String lastName,
                           ContactDetails contact,
                           LocalDate birthDate,
                           String locale) {
}
