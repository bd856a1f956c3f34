package io.patronage.analytics.participation;

/** The numbers of a participation view, or what one fact adds to them. */
record ParticipationCounts(long enrolledMembers,
                           long memberTransactions,
                           long nonMemberTransactions,
                           long pointsIssued,
                           long pointsRedeemed) {

    static final ParticipationCounts ZERO = new ParticipationCounts(0, 0, 0, 0, 0);

    ParticipationCounts plus(ParticipationCounts other) {
        return new ParticipationCounts(enrolledMembers + other.enrolledMembers,
                memberTransactions + other.memberTransactions,
                nonMemberTransactions + other.nonMemberTransactions,
                pointsIssued + other.pointsIssued,
                pointsRedeemed + other.pointsRedeemed);
    }

    boolean isZero() {
        return equals(ZERO);
    }
}
