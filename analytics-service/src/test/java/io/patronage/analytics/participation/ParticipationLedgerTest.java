package io.patronage.analytics.participation;

import io.patronage.contracts.Topics;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsLimits;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParticipationLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final ViewKey ATHENS = ViewKey.allTime("athens");

    private final Map<ViewKey, ParticipationState> stored = new HashMap<>();
    private final Set<String> directory = new HashSet<>();
    private final List<ParticipationLedger.Fact> facts = new ArrayList<>();
    private long offset;

    @Test
    void countsEachKindOfFactForItsChain() {
        directory.add("athens:C-1");
        pos(sale("athens", "t1", "C-1", TransactionType.PURCHASE));
        pos(sale("athens", "t2", "C-UNKNOWN", TransactionType.PURCHASE));
        pos(sale("athens", "t3", null, TransactionType.PURCHASE));
        pos(sale("athens", "t4", " ", TransactionType.PURCHASE));
        points(new PointsEarned("m1", "athens", "t1", "s1", "EUR", new BigDecimal("42.50"), 42, "v1", List.of(), 42, NOW));
        points(new PointsRedeemed("r1", "m1", "athens", 30, 12, NOW));
        points(new PointsEarned("m2", "lisbon", "t9", "s1", "EUR", BigDecimal.TEN, 10, "v1", List.of(), 10, NOW));

        ParticipationLedger.Outcome outcome = apply();

        assertEquals(new ParticipationCounts(0, 1, 3, 42, 30), changed(outcome, ATHENS).counts());
        assertEquals(new ParticipationCounts(0, 0, 0, 10, 0), changed(outcome, ViewKey.allTime("lisbon")).counts());
    }

    @Test
    void returnsCountAsNeitherMemberNorNonMemberTransactions() {
        directory.add("athens:C-1");
        pos(sale("athens", "r1", "C-1", TransactionType.RETURN));
        pos(sale("athens", "r2", null, TransactionType.RETURN));

        ParticipationLedger.Outcome outcome = apply();

        assertTrue(outcome.changed().isEmpty());
        assertTrue(outcome.toPublish().isEmpty());
    }

    @Test
    void aCardIsAMemberCardOnlyInTheChainThatIssuedIt() {
        directory.add("lisbon:C-1");
        pos(sale("athens", "t1", "C-1", TransactionType.PURCHASE));

        assertEquals(new ParticipationCounts(0, 0, 1, 0, 0), changed(apply(), ATHENS).counts());
    }

    @Test
    void anEnrollmentCountsAndRegistersItsCardBeforePurchasesOfTheSameBatch() {
        pos(sale("athens", "t1", "C-7", TransactionType.PURCHASE));
        members(enrolled("m7", "athens", "C-7"));

        ParticipationLedger.Outcome outcome = apply();

        assertEquals(new ParticipationCounts(1, 1, 0, 0, 0), changed(outcome, ATHENS).counts());
        assertEquals(List.of(new MemberCard("athens", "C-7", "m7")), outcome.newCards());
    }

    @Test
    void bonusPointsCountAsIssuedAndAReplacementCardIsAMemberCard() {
        directory.add("athens:C-1");
        points(new PointsAwarded("m1", "athens", "birthday:2026", "birthday", "v1", 50, 50, NOW));
        members(new CardReplaced("m1", "athens", "C-1", "C-2", NOW));
        pos(sale("athens", "t1", "C-2", TransactionType.PURCHASE));

        ParticipationLedger.Outcome outcome = apply();

        assertEquals(new ParticipationCounts(0, 1, 0, 50, 0), changed(outcome, ATHENS).counts());
        assertEquals(List.of(new MemberCard("athens", "C-2", "m1")), outcome.newCards());
    }

    @Test
    void stampsEachChangedViewOnceWithTheNextRevision() {
        members(enrolled("m1", "athens", "C-1"));
        members(enrolled("m2", "athens", "C-2"));
        ParticipationState first = changed(apply(), ATHENS);
        stored.put(ATHENS, first);
        facts.clear();
        members(enrolled("m3", "athens", "C-3"));

        ParticipationLedger.Outcome second = apply();

        assertEquals(1, first.revision());
        assertEquals(NOW, first.computedAt());
        assertEquals(1, second.changed().size());
        assertEquals(2, changed(second, ATHENS).revision());
        assertEquals(3, changed(second, ATHENS).counts().enrolledMembers());
    }

    @Test
    void aRedeliveredBatchAlreadyWrittenCountsNothingButIsPublishedAgain() {
        members(enrolled("m1", "athens", "C-1"));
        pos(sale("athens", "t1", "C-1", TransactionType.PURCHASE));
        ParticipationLedger.Outcome first = apply();
        stored.put(ATHENS, changed(first, ATHENS));
        // crash before the card document was written and before the messages were marked processed

        ParticipationLedger.Outcome redelivered = apply();

        assertTrue(redelivered.changed().isEmpty(), "nothing counted twice");
        assertEquals(Set.of(ATHENS), redelivered.toPublish());
        assertEquals(List.of(new MemberCard("athens", "C-1", "m1")), redelivered.newCards(),
                "the card of an enrollment counted before the crash still reaches the directory");
    }

    @Test
    void aRedeliveryMixedWithNewRecordsCountsOnlyTheNewOnes() {
        directory.add("athens:C-1");
        pos(sale("athens", "t1", "C-1", TransactionType.PURCHASE));
        stored.put(ATHENS, changed(apply(), ATHENS));
        pos(sale("athens", "t2", null, TransactionType.PURCHASE));

        ParticipationLedger.Outcome outcome = apply();

        assertEquals(new ParticipationCounts(0, 1, 1, 0, 0), changed(outcome, ATHENS).counts());
    }

    @Test
    void offsetsAreTrackedPerTopicPartition() {
        ParticipationState state = ParticipationState.empty(ATHENS)
                .apply(new ParticipationCounts(1, 0, 0, 0, 0), new LogPosition(Topics.MEMBERS.name(), 0, 9));

        assertTrue(state.hasApplied(new LogPosition(Topics.MEMBERS.name(), 0, 9)));
        assertTrue(state.hasApplied(new LogPosition(Topics.MEMBERS.name(), 0, 3)));
        assertFalse(state.hasApplied(new LogPosition(Topics.MEMBERS.name(), 0, 10)));
        assertFalse(state.hasApplied(new LogPosition(Topics.MEMBERS.name(), 1, 3)));
        assertFalse(state.hasApplied(new LogPosition(Topics.POINTS.name(), 0, 3)));
    }

    @Test
    void zeroPointEventsChangeNothing() {
        points(new PointsEarned("m1", "athens", "t1", "s1", "EUR", new BigDecimal("0.99"), 0, "v1", List.of(), 0, NOW));

        assertTrue(apply().changed().isEmpty());
    }

    @Test
    void refusesEventsWithoutAChainOrWithNegativePointsSoTheyAreDeadLettered() {
        members(enrolled("m1", " ", "C-1"));
        IllegalArgumentException noChain = assertThrows(IllegalArgumentException.class, this::apply);
        facts.clear();
        points(new PointsRedeemed("r1", "m1", "athens", -5, 0, NOW));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, this::apply);

        assertEquals("MemberEnrolled without a chainId", noChain.getMessage());
        assertEquals("PointsRedeemed with negative points: -5", negative.getMessage());
    }

    @Test
    void refusesPointsBeyondTheLedgersCeilingSoTheyAreDeadLettered() {
        points(new PointsEarned("m1", "athens", "t1", "s1", "EUR", BigDecimal.TEN, Long.MAX_VALUE, "v1", List.of(),
                Long.MAX_VALUE, NOW));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, this::apply);

        assertEquals("PointsEarned with 9223372036854775807 points, beyond the ledger's ceiling of "
                + PointsLimits.TRANSACTION, refused.getMessage());
    }

    @Test
    void aCountThatWouldOverflowIsRefusedNeverWrapped() {
        stored.put(ATHENS, new ParticipationState(ATHENS, new ParticipationCounts(0, 0, 0, Long.MAX_VALUE - 5, 0),
                Map.of(), 3, NOW));
        points(new PointsEarned("m1", "athens", "t1", "s1", "EUR", BigDecimal.TEN, 10, "v1", List.of(), 10, NOW));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, this::apply);

        assertEquals("participation overflow: pointsIssued 9223372036854775802 + 10 is beyond a long",
                refused.getMessage());
    }

    private ParticipationLedger.Outcome apply() {
        return ParticipationLedger.apply(facts, key -> stored.getOrDefault(key, ParticipationState.empty(key)),
                directory::contains, NOW);
    }

    private static ParticipationState changed(ParticipationLedger.Outcome outcome, ViewKey key) {
        return outcome.changed().stream().filter(state -> state.key().equals(key)).findFirst().orElseThrow();
    }

    private void members(Object payload) {
        facts.add(new ParticipationLedger.Fact(new LogPosition(Topics.MEMBERS.name(), 0, offset++), payload));
    }

    private void pos(Object payload) {
        facts.add(new ParticipationLedger.Fact(new LogPosition(Topics.TRANSACTIONS.name(), 0, offset++), payload));
    }

    private void points(Object payload) {
        facts.add(new ParticipationLedger.Fact(new LogPosition(Topics.POINTS.name(), 0, offset++), payload));
    }

    private static MemberEnrolled enrolled(String memberId, String chainId, String card) {
        return new MemberEnrolled(memberId, chainId, card, null, "el-GR", NOW);
    }

    private static PosTransaction sale(String chainId, String id, String card, TransactionType type) {
        return new PosTransaction(id, chainId, "store-1", card, type,
                OffsetDateTime.parse("2026-11-27T12:00:00+02:00"), "EUR", new BigDecimal("42.50"),
                List.of(), List.of(), null);
    }
}
