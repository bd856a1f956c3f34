package io.patronage.enrollment.refusal;

import java.util.List;

/** A referral code that cannot refer this enrollment. */
public class InvalidReferralException extends EnrollmentException {

    /** @param reason {@code "is not a referral code of this program"} */
    public InvalidReferralException(String reason) {
        super("referralCode " + reason, List.of(new FieldError("referralCode", reason)));
    }
}
