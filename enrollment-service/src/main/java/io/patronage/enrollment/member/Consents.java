package io.patronage.enrollment.member;

import java.time.Instant;

/**
 * What the member agreed to, and when each answer was given. Transactional messages (welcome, card,
 * points) need no consent; marketing messages need the consent of their channel.
 *
 * @param termsAcceptedAt when the member accepted the program's terms, {@code null} if they did not
 */
public record Consents(boolean marketingEmail,
                       Instant marketingEmailChangedAt,
                       boolean marketingSms,
                       Instant marketingSmsChangedAt,
                       Instant termsAcceptedAt) {

    /** These consents with the two marketing answers given at {@code at}; an unchanged answer keeps its time. */
    public Consents change(boolean email, boolean sms, Instant at) {
        return new Consents(email, email == marketingEmail ? marketingEmailChangedAt : at,
                sms, sms == marketingSms ? marketingSmsChangedAt : at, termsAcceptedAt);
    }
}
