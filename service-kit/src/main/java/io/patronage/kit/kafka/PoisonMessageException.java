package io.patronage.kit.kafka;

/** A record that can never be processed as it is; it goes to the dead-letter topic with this message. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
