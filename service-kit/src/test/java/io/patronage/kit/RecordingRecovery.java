package io.patronage.kit;

import io.patronage.kit.publication.StoredEventsRecovery;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test recovery of a service's handlers: records each range it is asked to recover, and fails when told to. */
@Singleton
public class RecordingRecovery implements StoredEventsRecovery {

    final List<String> recovered = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public void recover(Instant since, String storedBy) {
        recovered.add(since + " " + storedBy);
        if (failure != null) {
            throw failure;
        }
    }
}
