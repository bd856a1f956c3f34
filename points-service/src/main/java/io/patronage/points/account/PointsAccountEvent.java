package io.patronage.points.account;

/** What happened to a points account; its state is only ever the fold of these. They stay inside the service. */
public sealed interface PointsAccountEvent permits PointsAccountOpened, PointsEarned, RedemptionAnswer,
        PointsAwarded, PointsReversed, PointsAdjusted, PointsExpired, ExpiryAnnounced, TierChanged, ReferralRecorded,
        MembershipEnded, PersonalDataErased {

    String memberId();
}
