package io.patronage.rewards.redemption;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.kit.http.ProblemException;
import io.micronaut.http.HttpStatus;
import io.patronage.rewards.availability.ChainZones;
import io.patronage.rewards.availability.Eligibility;
import io.patronage.rewards.availability.MemberStandings;
import io.patronage.rewards.availability.Reservations;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.Reward;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RedemptionController {

    private final MemberDirectory members;
    private final Catalog catalog;
    private final CommandGateway commands;
    private final RedemptionViews redemptions;
    private final MemberStandings standings;
    private final Reservations reservations;
    private final ChainZones zones;
    private final Clock clock;

    RedemptionController(MemberDirectory members, Catalog catalog, CommandGateway commands,
                         RedemptionViews redemptions, MemberStandings standings, Reservations reservations,
                         ChainZones zones, Clock clock) {
        this.members = members;
        this.catalog = catalog;
        this.commands = commands;
        this.redemptions = redemptions;
        this.standings = standings;
        this.reservations = reservations;
        this.zones = zones;
        this.clock = clock;
    }

    @Introspected
    record RedemptionRequest(@NotBlank String rewardId) {
    }

    record RedemptionAccepted(String redemptionId, RedemptionView.Status status) {
    }

    /** Accepted, not done: points-service still has to debit the points. Follow the Location to see the outcome. */
    @Post("/members/{memberId}/redemptions")
    HttpResponse<RedemptionAccepted> redeem(@PathVariable String memberId, @Valid @Body RedemptionRequest request) {
        String chainId = members.chainOf(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        Reward reward = catalog.find(request.rewardId(), chainId)
                .orElseThrow(() -> ProblemException.notFound("reward", request.rewardId()));
        Instant now = clock.instant();
        ZoneId zone = zones.of(chainId);
        List<Eligibility.Reason> reasons = Eligibility.beforeReserving(reward, zone, now,
                standings.of(memberId).tier());
        if (!reasons.isEmpty()) {
            throw unavailable(reward, reasons.get(0));
        }
        String redemptionId = UUID.randomUUID().toString();
        reservations.reserve(redemptionId, chainId, memberId, reward, now, zone)
                .ifPresent(reason -> {
                    throw unavailable(reward, reason);
                });
        try {
            commands.sendAndWait(new RequestRedemption(redemptionId, memberId, chainId, reward.id(),
                    reward.pointsCost(), reward.couponValidityDays(), now));
        } catch (RuntimeException e) {
            reservations.release(redemptionId);
            throw e;
        }
        return HttpResponse.accepted(URI.create("/redemptions/" + redemptionId))
                .body(new RedemptionAccepted(redemptionId, RedemptionView.Status.PENDING));
    }

    /** 409, typed by the reason (e.g. {@code urn:patronage:problem:out-of-stock}): nothing was reserved or debited. */
    private static ProblemException unavailable(Reward reward, Eligibility.Reason reason) {
        return new ProblemException(HttpStatus.CONFLICT, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "reward " + reward.id() + " cannot be redeemed now: " + reason);
    }

    @Get("/redemptions/{redemptionId}")
    RedemptionView redemption(@PathVariable String redemptionId) {
        return redemptions.find(redemptionId).orElseThrow(() -> ProblemException.notFound("redemption", redemptionId));
    }
}
