package io.patronage.points.balance;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.program.ExpiryRule;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.ReturnPolicy;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.ReturnPurchase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.serialization.json.JacksonSerializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For random sequences of purchases, returns, redemptions, expiries (reviews) and adjustments on a real account
 * (Axon command handling over an in-memory event store), after every step: the balance is the sum of the open
 * lots minus the debt, it never goes below what the return policy allows, no purchase is reversed beyond what it
 * earned, and the projection's fold of the same events (what a rebuild computes) gives the same balance.
 */
class LedgerPropertiesTest {

    private static final String MEMBER = "m-1";
    private static final String CHAIN = "chain-1";
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    sealed interface Step permits Buy, Refund, Redeem, Adjust, Review {
    }

    record Buy(int amount) implements Step {
    }

    record Refund(int purchase, int amount) implements Step {
    }

    record Redeem(int points) implements Step {
    }

    record Adjust(int points) implements Step {
    }

    record Review(int days) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.<Step>oneOf(
                Arbitraries.integers().between(1, 500).map(Buy::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 300))
                        .as(Refund::new),
                Arbitraries.integers().between(1, 400).map(Redeem::new),
                Arbitraries.integers().between(-200, 200).filter(p -> p != 0).map(Adjust::new),
                Arbitraries.integers().between(1, 6).map(Review::new)).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<ReturnPolicy> policies() {
        return Arbitraries.of(ReturnPolicy.class);
    }

    @Property(tries = 60)
    void theLedgerStaysConsistent(@ForAll("steps") List<Step> steps,
                                  @ForAll("policies") ReturnPolicy policy,
                                  @ForAll @IntRange(max = 3) int pendingDays,
                                  @ForAll @IntRange(max = 5) int expiryDays) {
        ProgramRules rules = new ProgramRules("p-v1", null, null, ZoneId.of("Europe/Athens"), null, BigDecimal.ONE,
                PointsRounding.DOWN, BigDecimal.ZERO, List.of(), null, null, null, policy, pendingDays,
                expiryDays == 0 ? ExpiryRule.NEVER : new ExpiryRule(expiryDays, null, 0, 1), null);
        Configuration axon = account(rules);
        try {
            CommandGateway commands = axon.commandGateway();
            commands.sendAndWait(new OpenPointsAccount(MEMBER, CHAIN, "card-1", null, START));
            Instant clock = START;
            int purchases = 0;
            long step = 0;
            for (Step next : steps) {
                clock = clock.plus(Duration.ofHours(7));
                step++;
                String id = "x-" + step;
                if (next instanceof Buy buy) {
                    commands.sendAndWait(new EarnPoints(MEMBER, transaction(id, TransactionType.PURCHASE,
                            buy.amount(), clock, null)));
                    purchases++;
                } else if (next instanceof Refund refund) {
                    commands.sendAndWait(new ReturnPurchase(MEMBER, transaction(id, TransactionType.RETURN,
                            refund.amount(), clock,
                            purchases == 0 ? "none" : "x-" + firstBuyStep(steps, refund.purchase() % purchases))));
                } else if (next instanceof Redeem redeem) {
                    commands.sendAndWait(new RedeemPoints(MEMBER, id, redeem.points(), "reward", clock));
                } else if (next instanceof Adjust adjust) {
                    try {
                        commands.sendAndWait(new AdjustPoints(MEMBER, id, adjust.points(), "test", "ops", clock));
                    } catch (IllegalStateException aboveTheBalance) {
                        assertTrue(-adjust.points() > ledger(axon).balance());
                    }
                } else if (next instanceof Review review) {
                    clock = clock.plus(Duration.ofDays(review.days()));
                    commands.sendAndWait(new ReviewAccount(MEMBER, clock));
                }
                check(axon, ledger(axon), policy);
            }
        } finally {
            axon.shutdown();
        }
    }

    private static void check(Configuration axon, Ledger view, ReturnPolicy policy) {
        List<PointsAccountEvent> events = axon.eventStore().readEvents(MEMBER).asStream()
                .map(message -> (PointsAccountEvent) message.getPayload()).toList();
        long lots = view.lots().stream().mapToLong(OpenLot::remaining).sum();
        assertEquals(lots - view.debt(), view.balance(), "balance = open lots - debt");
        assertTrue(view.lots().stream().allMatch(lot -> lot.remaining() > 0), "no empty or negative lot");
        long reversed = events.stream().filter(PointsReversed.class::isInstance)
                .mapToLong(e -> ((PointsReversed) e).points()).sum();
        if (policy == ReturnPolicy.ALLOW_NEGATIVE) {
            assertTrue(view.balance() >= -reversed, "a debt only comes from returns");
        } else {
            assertTrue(view.balance() >= 0, "never negative under " + policy);
            assertEquals(0, view.debt());
        }
        Map<String, Long> earned = new HashMap<>();
        Map<String, Long> returned = new HashMap<>();
        for (PointsAccountEvent event : events) {
            if (event instanceof PointsEarned e) {
                earned.put(e.transactionId(), e.points());
            } else if (event instanceof PointsReversed r) {
                returned.merge(r.originalTransactionId(), r.points(), Long::sum);
            }
        }
        returned.forEach((purchase, points) -> assertTrue(points <= earned.getOrDefault(purchase, 0L),
                "purchase " + purchase + " reversed " + points + " of " + earned.get(purchase)));
        Balance folded = Balance.replay(axon.eventStore().readEvents(MEMBER, 0).asStream(), Long.MAX_VALUE);
        assertEquals(view.balance(), folded.balance(), "the projection's fold (a rebuild) = the ledger");
        assertEquals(events.size() - 1, folded.version());
    }

    private static int firstBuyStep(List<Step> steps, int nth) {
        int seen = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Buy && seen++ == nth) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no purchase " + nth);
    }

    /** The ledger as the account folds it ({@code Holdings}), folded from its events by the balance read model. */
    private static Ledger ledger(Configuration axon) {
        MemberPoints points = MemberPoints.replay(axon.eventStore().readEvents(MEMBER, 0).asStream(), Long.MAX_VALUE,
                reason -> { });
        return new Ledger(points.lots(), points.debt());
    }

    private static PosTransaction transaction(String id, TransactionType type, int amount, Instant at,
                                              String originalTransactionId) {
        return new PosTransaction(id, CHAIN, "store-1", "card-1", type, at.atOffset(ZoneOffset.ofHours(2)), "EUR",
                BigDecimal.valueOf(amount), List.of(), List.of(), originalTransactionId);
    }

    private static Configuration account(ProgramRules rules) {
        ProgramCatalog catalog = (chainId, occurredAt) -> rules;
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(config -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureAggregate(PointsAccount.class)
                .registerComponent(ParameterResolverFactory.class, config -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(PointsAccount.class),
                        new SimpleResourceParameterResolverFactory(Set.of(catalog))))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
