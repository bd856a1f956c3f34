package io.patronage.analytics.streams;

/** A record an {@link Intake} could not process, on its way to {@code <topic>.dlq} (the reason is in its headers). */
public record DeadLetter(byte[] value) {
}
