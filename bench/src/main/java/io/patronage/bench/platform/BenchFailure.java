package io.patronage.bench.platform;

/** The run cannot go on: the message says why, in one readable line or a few. */
public final class BenchFailure extends RuntimeException {

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
