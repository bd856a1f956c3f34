package io.patronage.rewards.availability;

import io.patronage.kit.kafka.PoisonMessageException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberStandingListenerTest {

    @Test
    void aBalanceIsFlooredToWholePoints() {
        assertEquals(12L, MemberStandingListener.balance("PointsEarned", "m-1", new BigDecimal("12.75")).balance());
        assertEquals(-3L, MemberStandingListener.balance("PointsAdjusted", "m-1", new BigDecimal("-2.5")).balance());
    }

    @Test
    void anEventWithoutMemberOrBalanceOrBeyondTheCeilingIsRefusedWithAReasonThatSaysSo() {
        assertEquals("PointsEarned without memberId", assertThrows(PoisonMessageException.class,
                () -> MemberStandingListener.balance("PointsEarned", null, BigDecimal.ONE)).getMessage());
        assertEquals("PointsEarned needs a balance within ±1000000000000000: none", assertThrows(
                PoisonMessageException.class,
                () -> MemberStandingListener.balance("PointsEarned", "m-1", null)).getMessage());
        assertEquals("PointsExpired needs a balance within ±1000000000000000: 1E+400", assertThrows(
                PoisonMessageException.class,
                () -> MemberStandingListener.balance("PointsExpired", "m-1", new BigDecimal("1e400"))).getMessage());
    }
}
