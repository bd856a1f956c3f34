package io.patronage.enrollment.refusal;

import java.util.List;

/** No loyalty program of this service for the chain. */
public class UnknownChainException extends EnrollmentException {

    public UnknownChainException(String chainId) {
        super("chain " + chainId + " has no loyalty program here",
                List.of(new FieldError("chainId", "is not a chain this service enrolls members for")));
    }
}
