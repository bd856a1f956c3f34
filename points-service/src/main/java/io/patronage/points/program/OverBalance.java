package io.patronage.points.program;

/**
 * What a till's or an operator's redemption of more points than the member has available gets: {@code REJECT}
 * (the default) refuses it whole; {@code CLAMP} redeems what is available and says how much. A reward's debit
 * request (the rewards saga) is all or nothing whatever the program: a reward is never paid in part.
 */
public enum OverBalance {
    REJECT, CLAMP
}
