package io.patronage.kit.kafka;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;

/**
 * Failures of the infrastructure rather than of the message: retry the message, don't dead-letter it.
 * A dead letter that could not be sent counts as one whatever the producer's reason: the record must stay.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof RetriableException
                    || cause instanceof AxonTransientException || cause instanceof DeadLetterNotSentException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
