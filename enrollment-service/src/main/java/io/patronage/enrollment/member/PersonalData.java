package io.patronage.enrollment.member;

import java.time.LocalDate;

/**
 * Everything personal the enrollment says about a member, sealed as one unit with the member's key
 * (see {@link io.patronage.enrollment.privacy.PersonalDataVault}) before it goes into an event.
 *
 * @param birthDate {@code null} when the member gave none
 * @param locale    canonical BCP 47 tag the member reads messages in, e.g. {@code el-GR}
 */
public record PersonalData(String firstName,
                           String lastName,
                           ContactDetails contact,
                           LocalDate birthDate,
                           String locale) {

    public PersonalData withContact(ContactDetails newContact) {
        return new PersonalData(firstName, lastName, newContact, birthDate, locale);
    }
}
