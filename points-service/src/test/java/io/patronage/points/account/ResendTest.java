package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.points.Transactions;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.ReturnPurchase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.patronage.points.Transactions.purchase;

/** A transaction id counts once: the same till record again changes nothing, other content is refused. */
class ResendTest {

    private static final String MEMBER = "m-1";
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1", null,
            Instant.parse("2026-01-05T09:00:00Z"));
    private static final PosTransaction T1 = purchase("T-1", "EUR", "10.00");
    private static final PosTransaction T1_CHANGED = purchase("T-1", "EUR", "20.00");

    private AggregateTestFixture<PointsAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource((ProgramCatalog) (chainId, occurredAt) -> ProgramRules.DEFAULT);
    }

    private static PointsEarned earned(PosTransaction t, long points, String fingerprint) {
        return new PointsEarned(MEMBER, "chain-1", t.transactionId(), "store-7", "EUR", t.total(), t.total(), points,
                ProgramRules.DEFAULT_VERSION, List.of(new Contribution("base", points)), t.occurredAt(),
                new Lot("chain-1:" + t.transactionId(), points, t.occurredAt().toInstant()), points, 0, t.lines(),
                t.couponCodes(), fingerprint);
    }

    private static PosTransaction returnOf(String id, String amount) {
        return new PosTransaction(id, "chain-1", "store-7", "card-1", TransactionType.RETURN, T1.occurredAt(), "EUR",
                new BigDecimal(amount), List.of(), List.of(), "T-1");
    }

    @Test
    void anEarningRecordsWhatTheTillRecordSaid() {
        fixture.given(OPENED)
                .when(new EarnPoints(MEMBER, T1))
                .expectEvents(earned(T1, 10, Fingerprint.of(T1)));
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)))
                .when(new EarnPoints(MEMBER, purchase("T-1", "EUR", "10.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameIdWithOtherContentIsAConflictingResend() {
        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)))
                .when(new EarnPoints(MEMBER, T1_CHANGED))
                .expectNoEvents()
                .expectException(ConflictingResendException.class)
                .expectExceptionMessage(Matchers.predicate((String message) ->
                        message.startsWith(ConflictingResendException.REASON) && message.contains("chain-1:T-1")));
    }

    @Test
    void anEarningRecordedBeforeFingerprintsTakesAnyResendAsTheSame() {
        fixture.given(OPENED, earned(T1, 10, null))
                .when(new EarnPoints(MEMBER, T1_CHANGED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReturnUnderAPurchasesIdIsAConflictingResend() {
        PosTransaction clash = new PosTransaction("T-1", "chain-1", "store-7", "card-1", TransactionType.RETURN,
                T1.occurredAt(), "EUR", new BigDecimal("10.00"), List.of(), List.of(), "T-0");
        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)))
                .when(new ReturnPurchase(MEMBER, clash))
                .expectNoEvents()
                .expectException(ConflictingResendException.class);
    }

    @Test
    void aReturnResentWithOtherContentIsAConflictingResendAndTheSameOneChangesNothing() {
        PosTransaction refund = returnOf("R-1", "5.00");
        PointsReversed reversed = new PointsReversed(MEMBER, "chain-1", "R-1", "T-1", "EUR", new BigDecimal("5.00"),
                5, List.of(new LotDebit("chain-1:T-1", 5)), 0, 0, new BigDecimal("0.500000000000"), 5,
                refund.occurredAt(), Fingerprint.of(refund));

        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)))
                .when(new ReturnPurchase(MEMBER, refund))
                .expectEvents(reversed);
        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)), reversed)
                .when(new ReturnPurchase(MEMBER, returnOf("R-1", "5.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(OPENED, earned(T1, 10, Fingerprint.of(T1)), reversed)
                .when(new ReturnPurchase(MEMBER, returnOf("R-1", "10.00")))
                .expectNoEvents()
                .expectException(ConflictingResendException.class);
    }
}
