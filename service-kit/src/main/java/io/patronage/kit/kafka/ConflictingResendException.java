package io.patronage.kit.kafka;

/**
 * A message arrived again under an identity already processed ({@code ce_id}, or {@code chainId:transactionId}
 * for POS records) but with different content: the first one counted, this one is dead-lettered with the
 * reason {@value #REASON} so that the sender can be told.
 */
public class ConflictingResendException extends PoisonMessageException {

    public static final String REASON = "conflicting-resend";

    public ConflictingResendException(String detail) {
        super(detail);
    }
}
