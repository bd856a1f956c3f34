package io.patronage.analytics.participation;

import io.patronage.contracts.analytics.ParticipationView;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A participation view together with what keeps it exact: the highest Kafka offset applied per
 * topic partition, stored in the same document as the counts so that both change in one atomic
 * write (a redelivered record at or below it is recognised as already counted), and a revision
 * that guards against another instance having written the document in the meantime.
 *
 * @param computedAt when the numbers last changed; {@code null} while nothing was ever counted
 */
record ParticipationState(ViewKey key,
                          ParticipationCounts counts,
                          Map<String, Long> appliedOffsets,
                          long revision,
                          Instant computedAt) {

    ParticipationState {
        appliedOffsets = Map.copyOf(appliedOffsets);
    }

    static ParticipationState empty(ViewKey key) {
        return new ParticipationState(key, ParticipationCounts.ZERO, Map.of(), 0, null);
    }

    boolean hasApplied(LogPosition position) {
        Long applied = appliedOffsets.get(position.partitionId());
        return applied != null && position.offset() <= applied;
    }

    ParticipationState apply(ParticipationCounts delta, LogPosition position) {
        Map<String, Long> offsets = new HashMap<>(appliedOffsets);
        offsets.merge(position.partitionId(), position.offset(), Math::max);
        return new ParticipationState(key, counts.plus(delta), offsets, revision, computedAt);
    }

    /** The state as written at the end of a batch: next revision, computed now. */
    ParticipationState computed(Instant now) {
        return new ParticipationState(key, counts, appliedOffsets, revision + 1, now);
    }

    ParticipationView view(Instant defaultComputedAt) {
        return new ParticipationView(key.chainId(), key.period(), counts.enrolledMembers(),
                counts.memberTransactions(), counts.nonMemberTransactions(), counts.pointsIssued(),
                counts.pointsRedeemed(), computedAt == null ? defaultComputedAt : computedAt);
    }
}
