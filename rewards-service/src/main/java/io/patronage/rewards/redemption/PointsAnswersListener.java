package io.patronage.rewards.redemption;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.kit.kafka.CloudEventDecoder;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.DispatchingListener;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns points-service's answers on {@code loyalty.points.v1} into commands on the redemptions they
 * answer. Answers to requests that are not ours are ignored.
 */
@Singleton
class PointsAnswersListener extends DispatchingListener {

    private static final Set<String> ANSWERS = Set.of(
            IntegrationEvent.typeOf(PointsRedeemed.class), IntegrationEvent.typeOf(PointsRedemptionRejected.class));

    private final RedemptionViews redemptions;
    private final CommandGateway commands;
    private final MessageDecoder cloudEvents = new CloudEventDecoder();
    /** The points each redemption of the batch being handled costs (one consumer thread per listener). */
    private Map<String, Long> costs = Map.of();
    private final MessageDecoder answersOnly = record -> {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        return type != null && ANSWERS.contains(type) ? cloudEvents.decode(record) : null;
    };

    PointsAnswersListener(RedemptionViews redemptions, CommandGateway commands) {
        this.redemptions = redemptions;
        this.commands = commands;
        on(PointsRedeemed.class, (redeemed, message) -> commands.sendAndWait(
                redeemed.points().compareTo(costOf(redeemed)) < 0
                        ? new RefusePartialDebit(redeemed.requestId(), redeemed.points(), redeemed.redeemedAt())
                        : new ConfirmPointsDebited(redeemed.requestId(), redeemed.points(), redeemed.redeemedAt())));
        on(PointsRedemptionRejected.class, (rejected, message) -> commands.sendAndWait(new RejectRedemption(
                rejected.requestId(), rejected.reason(), rejected.detail(), rejected.rejectedAt())));
    }

    /** What the redemption costs; one this service does not know (another's request) is taken as debited in full. */
    private BigDecimal costOf(PointsRedeemed redeemed) {
        Long cost = costs.get(redeemed.requestId());
        return cost == null ? redeemed.points() : BigDecimal.valueOf(cost);
    }

    @Override
    public String name() {
        return "redemption-answers";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.POINTS);
    }

    /** The topic is mostly earnings: skip every other record unread (their consumers judge them). */
    @Override
    public MessageDecoder decoder() {
        return answersOnly;
    }

    /**
     * A redemption takes a repeated answer as a no-op, so redeliveries are harmless without writing a
     * processed-message record for every event on this busy topic.
     */
    @Override
    public boolean deduplicate() {
        return false;
    }

    /**
     * Answers to requests that are not ours are skipped. A debit of fewer points than the redemption costs (a
     * program that clamps debits at the balance) is no debit of the reward: it is refused and given back.
     */
    @Override
    public void onBatch(List<InboundMessage> batch) {
        Map<String, Long> ours = redemptions.existing(batch.stream()
                .map(message -> requestId(message.payload())).filter(Objects::nonNull).toList());
        costs = ours;
        dispatch(batch.stream().filter(message -> ours.containsKey(requestId(message.payload()))).toList());
    }

    private static String requestId(Object answer) {
        if (answer instanceof PointsRedeemed redeemed) {
            return redeemed.requestId();
        }
        return ((PointsRedemptionRejected) answer).requestId();
    }
}
