package io.patronage.points.eventlog;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.membership.PersonalDataErased;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.tiers.TierChanged;
import jakarta.inject.Singleton;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The account's events were all in {@code io.patronage.points.account} until they moved to their capability's
 * package, and the event store names each stored event by its class ({@code payloadType}): this upcaster gives the
 * events stored under an old name their class's current name, revision and payload unchanged, wherever Axon reads
 * the store (aggregates, projections' replays, publication recovery); {@link EventLog} maps names the same way.
 * Snapshots need nothing: {@code PointsAccount} kept its name, and nothing in its state is typed by class name.
 */
@Singleton
public class MovedEvents extends SingleEventUpcaster {

    private static final String OLD_PACKAGE = "io.patronage.points.account.";
    private static final Map<String, String> CURRENT_NAMES = Stream.of(PointsAccountOpened.class,
                    PointsEarned.class, PointsAwarded.class, PointsReversed.class, PointsRedeemed.class,
                    PointsRedemptionRejected.class, PointsAdjusted.class, PointsExpired.class, ExpiryAnnounced.class,
                    TierChanged.class, ReferralRecorded.class, MembershipEnded.class, PersonalDataErased.class)
            .collect(Collectors.toUnmodifiableMap(moved -> OLD_PACKAGE + moved.getSimpleName(), Class::getName));

    /** The name a stored payload type has now: itself, unless it is the old name of a moved event. */
    public static String currentName(String storedType) {
        return CURRENT_NAMES.getOrDefault(storedType, storedType);
    }

    /** The name {@code event} was stored under before it moved. */
    public static String oldName(Class<?> event) {
        return OLD_PACKAGE + event.getSimpleName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return CURRENT_NAMES.containsKey(representation.getType().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(currentName(representation.getType().getName()),
                        representation.getType().getRevision()),
                (Class<Object>) representation.getData().getContentType(), Function.identity());
    }
}
