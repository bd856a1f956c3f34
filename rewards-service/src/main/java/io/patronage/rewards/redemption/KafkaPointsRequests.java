package io.patronage.rewards.redemption;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends debit requests on {@code loyalty.points-requests.v1} once the redemption is stored. */
@Singleton
class KafkaPointsRequests implements PointsRequests {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPointsRequests.class);

    private final EventPublisher publisher;

    KafkaPointsRequests(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void requestDebit(PointsDebitRequested request, String requestEventId) {
        AfterCommit.run(() -> publisher.publish(request, requestEventId, request.requestedAt())
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        LOG.error("debit request for redemption {} not sent", request.requestId(), failure);
                    }
                }));
    }
}
