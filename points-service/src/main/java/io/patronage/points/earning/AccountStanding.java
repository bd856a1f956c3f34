package io.patronage.points.earning;

import java.time.LocalDate;

/**
 * The member's account as the earning rules see it. Rules on the birthday, the first purchase or the
 * tier read it; the default program does not.
 *
 * @param birthDate  {@code null} when the member gave none
 * @param purchases  purchases already earned on by this account
 */
public record AccountStanding(LocalDate birthDate, int purchases) {
}
