package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.chains.ChainPolicy;
import io.patronage.enrollment.member.PersonalData;

/** A validated enrollment request that the chain's policy allows. */
record Enrollment(ChainPolicy chain,
                  PersonalData personalData,
                  boolean termsAccepted,
                  boolean marketingEmail,
                  boolean marketingSms,
                  String referralCode) {
}
