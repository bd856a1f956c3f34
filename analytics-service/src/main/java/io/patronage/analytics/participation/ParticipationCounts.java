package io.patronage.analytics.participation;

/**
 * The numbers of a participation view, or what one fact adds to them. Added exactly: a count that would go beyond a
 * {@code long} is refused (the fact is dead-lettered with the reason), never wrapped to a negative number. Within
 * points-service's ceilings (10^12 points per event) that takes over nine million events at the ceiling.
 */
record ParticipationCounts(long enrolledMembers,
                           long memberTransactions,
                           long nonMemberTransactions,
                           long pointsIssued,
                           long pointsRedeemed) {

    static final ParticipationCounts ZERO = new ParticipationCounts(0, 0, 0, 0, 0);

    /** @throws IllegalArgumentException when a count would overflow */
    ParticipationCounts plus(ParticipationCounts other) {
        return new ParticipationCounts(add("enrolledMembers", enrolledMembers, other.enrolledMembers),
                add("memberTransactions", memberTransactions, other.memberTransactions),
                add("nonMemberTransactions", nonMemberTransactions, other.nonMemberTransactions),
                add("pointsIssued", pointsIssued, other.pointsIssued),
                add("pointsRedeemed", pointsRedeemed, other.pointsRedeemed));
    }

    private static long add(String count, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("participation overflow: " + count + " " + a + " + " + b
                    + " is beyond a long");
        }
    }

    boolean isZero() {
        return equals(ZERO);
    }
}
