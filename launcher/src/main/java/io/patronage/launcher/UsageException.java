package io.patronage.launcher;

/** The command line cannot be understood; the launcher prints the reason and the usage, and exits with 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
