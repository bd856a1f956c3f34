package io.patronage.launcher;

/** The platform could not be brought up; the message says what to do or shows the failing service's output. */
public final class PlatformStartException extends Exception {

    PlatformStartException(String message) {
        super(message);
    }

    PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
