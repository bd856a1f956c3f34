package io.patronage.bench.measure;

import java.util.concurrent.locks.LockSupport;

/** Sends at a fixed rate: the i-th is due {@code i / rate} seconds after the start ({@link System#nanoTime}). */
record FixedRate(long start, long interval) {

    static FixedRate startingNow(int perSecond) {
        return new FixedRate(System.nanoTime(), 1_000_000_000L / perSecond);
    }

    long due(int i) {
        return start + i * interval;
    }

    /** Waits until the i-th send is due; returns that moment. */
    long awaitDue(int i) {
        long due = due(i);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }
}
