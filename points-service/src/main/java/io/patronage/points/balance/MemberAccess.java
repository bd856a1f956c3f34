package io.patronage.points.balance;

import io.patronage.kit.security.Caller;
import io.patronage.points.errors.PointsException;
import jakarta.inject.Singleton;

/**
 * Who may act on a member's points: the member themself, or a holder of the given roles for the chain the account
 * belongs to. Anyone else is answered exactly as an unknown member is (the same 404), so that no one learns which
 * member ids exist.
 */
@Singleton
class MemberAccess {

    static final String ACCOUNT = "points account for member";

    private final BalanceStore balances;

    MemberAccess(BalanceStore balances) {
        this.balances = balances;
    }

    /** The member themself or a holder of {@code roles} for their chain: answers the member's chain. */
    String memberOr(Caller caller, String memberId, String... roles) {
        return balances.chainOf(memberId)
                .filter(chainId -> caller.maySeeMember(memberId, chainId, roles))
                .orElseThrow(() -> new PointsException.NotFound(ACCOUNT, memberId));
    }

    /** A holder of {@code roles} for the member's chain (not the member): answers the member's chain. */
    String chainRole(Caller caller, String memberId, String... roles) {
        return balances.chainOf(memberId)
                .filter(chainId -> caller.actsFor(chainId, roles))
                .orElseThrow(() -> new PointsException.NotFound(ACCOUNT, memberId));
    }
}
