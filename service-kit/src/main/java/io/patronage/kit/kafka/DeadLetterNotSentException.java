package io.patronage.kit.kafka;

/**
 * A dead letter did not reach its topic: the batch is retried like an outage, and the offsets stay where
 * they are, because committing past the record would lose it.
 */
final class DeadLetterNotSentException extends RuntimeException {

    DeadLetterNotSentException(Throwable cause) {
        super("dead letter not sent: " + cause, cause);
    }
}
