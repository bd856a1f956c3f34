package io.patronage.rewards.redemption;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.rewards.availability.ChainZones;
import io.patronage.rewards.availability.Eligibility;
import io.patronage.rewards.availability.MemberStandings;
import io.patronage.rewards.availability.Reservations;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.Reward;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a redemption for a member still in the program: the time window and tier are checked, a unit of stock (and of the member's limit) reserved,
 * then the redemption recorded with its deadline; points-service is asked for the points when it is stored. A request
 * is noted as unfinished while it runs ({@link UnfinishedRedemptions}), so that a crash in the middle keeps no stock.
 */
@Singleton
class RedemptionRequests {

    static final int MAX_KEY_LENGTH = 128;

    private final MemberDirectory members;
    private final Catalog catalog;
    private final CommandGateway commands;
    private final RedemptionViews redemptions;
    private final MemberStandings standings;
    private final Reservations reservations;
    private final IdempotencyKeys keys;
    private final UnfinishedRedemptions unfinished;
    private final ChainZones zones;
    private final Clock clock;
    private final Duration deadline;

    RedemptionRequests(MemberDirectory members, Catalog catalog, CommandGateway commands, RedemptionViews redemptions,
                       MemberStandings standings, Reservations reservations, IdempotencyKeys keys,
                       UnfinishedRedemptions unfinished, ChainZones zones, Clock clock,
                       @Value("${patronage.rewards.debit-deadline:2m}") Duration deadline) {
        this.members = members;
        this.catalog = catalog;
        this.commands = commands;
        this.redemptions = redemptions;
        this.standings = standings;
        this.reservations = reservations;
        this.keys = keys;
        this.unfinished = unfinished;
        this.zones = zones;
        this.clock = clock;
        this.deadline = deadline;
    }

    /**
     * What the member is told: the redemption (a new one, or the one made earlier with the same key, then
     * {@code repeated}: nothing was done this time).
     */
    record Accepted(String redemptionId, RedemptionView.Status status, @JsonIgnore boolean repeated) {
    }

    /**
     * @param idempotencyKey {@code null}, or the client's key: the same key again answers the same redemption; with
     *                       another reward it is refused (422)
     */
    Accepted request(String memberId, String rewardId, String idempotencyKey) {
        String chainId = members.chainOf(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (!members.takesOffers(memberId, chainId)) {
            throw new ProblemException(HttpStatus.CONFLICT, "membership-ended", "member " + memberId
                    + " has left the program (opted out or erased): nothing can be redeemed", List.of());
        }
        Instant now = clock.instant();
        String redemptionId = UUID.randomUUID().toString();
        String key = idempotencyKey == null ? null : checked(idempotencyKey);
        unfinished.started(redemptionId, memberId, key);
        try {
            if (key != null) {
                Optional<IdempotencyKeys.Use> earlier = keys.claim(memberId, key, rewardId, redemptionId, now);
                if (earlier.isPresent()) {
                    return repeated(earlier.get(), rewardId);
                }
            }
            try {
                start(redemptionId, memberId, chainId, rewardId, now);
            } catch (RuntimeException e) {
                if (key != null) {
                    keys.release(memberId, key, redemptionId);
                }
                throw e;
            }
            return new Accepted(redemptionId, RedemptionView.Status.PENDING, false);
        } finally {
            unfinished.finished(redemptionId);
        }
    }

    private void start(String redemptionId, String memberId, String chainId, String rewardId, Instant now) {
        Reward reward = catalog.find(rewardId, chainId).orElseThrow(() -> ProblemException.notFound("reward", rewardId));
        ZoneId zone = zones.of(chainId);
        List<Eligibility.Reason> reasons = Eligibility.beforeReserving(reward, zone, now, standings.of(memberId).tier());
        if (!reasons.isEmpty()) {
            throw unavailable(reward, reasons.get(0));
        }
        reservations.reserve(redemptionId, chainId, memberId, reward, now, zone).ifPresent(reason -> {
            throw unavailable(reward, reason);
        });
        try {
            commands.sendAndWait(new RequestRedemption(redemptionId, memberId, chainId, reward.id(),
                    reward.pointsCost(), reward.couponValidity(), now, reward.version(), now.plus(deadline)));
        } catch (RuntimeException e) {
            reservations.release(redemptionId);
            throw e;
        }
    }

    private Accepted repeated(IdempotencyKeys.Use earlier, String rewardId) {
        if (!earlier.rewardId().equals(rewardId)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this Idempotency-Key was used for a redemption of " + earlier.rewardId() + ", not " + rewardId,
                    List.of(new Problem.FieldError("Idempotency-Key", "was used with another request body")));
        }
        return new Accepted(earlier.redemptionId(), redemptions.find(earlier.redemptionId())
                .map(RedemptionView::status).orElse(RedemptionView.Status.PENDING), true);
    }

    private static String checked(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "the Idempotency-Key header must be "
                    + "1 to " + MAX_KEY_LENGTH + " visible ASCII characters",
                    List.of(new Problem.FieldError("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH
                            + " visible ASCII characters")));
        }
        return key;
    }

    /** 409, typed by the reason (e.g. {@code urn:patronage:problem:out-of-stock}): nothing was reserved or debited. */
    private static ProblemException unavailable(Reward reward, Eligibility.Reason reason) {
        return new ProblemException(HttpStatus.CONFLICT, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "reward " + reward.id() + " cannot be redeemed now: " + reason);
    }
}
