package io.patronage.enrollment.member;

import io.patronage.enrollment.privacy.Sealed;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** Specifications of the Member aggregate: every command, every invariant. Personal data arrives sealed. */
class MemberTest {

    private static final String MEMBER = "3f1c2d4e-0000-4000-8000-000000000001";
    private static final String REFERRER = "3f1c2d4e-0000-4000-8000-000000000002";
    private static final String CHAIN = "chain-gr";
    private static final String CARD = "9000000000000001";
    private static final String NEW_CARD = "9000000000000019";
    private static final Instant ENROLLED_AT = Instant.parse("2026-03-01T09:15:00.123Z");
    private static final Instant LATER = Instant.parse("2026-04-01T10:00:00Z");
    private static final Sealed PERSONAL = new Sealed("v1.cGVyc29uYWw=");
    private static final Sealed CONTACT = new Sealed("v1.Y29udGFjdA==");
    private static final Consents CONSENTS = new Consents(false, ENROLLED_AT, false, ENROLLED_AT, ENROLLED_AT);
    private static final MemberEnrolled ENROLLED =
            new MemberEnrolled(MEMBER, CHAIN, CARD, "K7M2Q9XZ", PERSONAL, CONSENTS, ENROLLED_AT);

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void enrollingRecordsTheMemberWithTheirCardReferralCodeSealedDataAndConsents() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, CHAIN, CARD, "K7M2Q9XZ", PERSONAL, CONSENTS, null, ENROLLED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ENROLLED);
    }

    @Test
    void enrollingWithAReferralAlsoRecordsTheReferral() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, CHAIN, CARD, "K7M2Q9XZ", PERSONAL, CONSENTS, REFERRER, ENROLLED_AT))
                .expectEvents(ENROLLED, new ReferralRegistered(MEMBER, CHAIN, REFERRER, ENROLLED_AT));
    }

    @Test
    void aMemberCannotReferThemselves() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, CHAIN, CARD, "K7M2Q9XZ", PERSONAL, CONSENTS, MEMBER, ENROLLED_AT))
                .expectException(MemberStateException.class)
                .expectNoEvents();
    }

    @Test
    void aCardNumberThatFailsTheLuhnCheckIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, CHAIN, "9000000000000002", "K7M2Q9XZ", PERSONAL, CONSENTS, null, ENROLLED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aCardNumberOfTheWrongLengthIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, CHAIN, "79927398713", "K7M2Q9XZ", PERSONAL, CONSENTS, null, ENROLLED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberIsEnrolledOnlyOnce() {
        // Enrolling creates the aggregate: a second enrollment under the same id collides in the event store.
        fixture.given(ENROLLED)
                .when(new EnrollMember(MEMBER, CHAIN, NEW_CARD, "P3R8T2VW", PERSONAL, CONSENTS, null, ENROLLED_AT))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }

    @Test
    void anActiveMemberChangesContactDetails() {
        fixture.given(ENROLLED)
                .when(new ChangeContactDetails(MEMBER, CONTACT, LATER))
                .expectEvents(new ContactDetailsChanged(MEMBER, CHAIN, CONTACT, LATER));
    }

    @Test
    void changingConsentsRecordsWhenEachAnswerChanged() {
        fixture.given(ENROLLED)
                .when(new ChangeConsents(MEMBER, true, false, LATER))
                .expectEvents(new ConsentsChanged(MEMBER, CHAIN,
                        new Consents(true, LATER, false, ENROLLED_AT, ENROLLED_AT)));
    }

    @Test
    void givingTheSameConsentsAgainChangesNothing() {
        fixture.given(ENROLLED, new ConsentsChanged(MEMBER, CHAIN, new Consents(true, LATER, false, ENROLLED_AT, ENROLLED_AT)))
                .when(new ChangeConsents(MEMBER, true, false, LATER.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void replacingTheCardRecordsOldAndNewNumbers() {
        fixture.given(ENROLLED)
                .when(new ReplaceCard(MEMBER, NEW_CARD, LATER))
                .expectEvents(new CardReplaced(MEMBER, CHAIN, CARD, NEW_CARD, LATER));
    }

    @Test
    void aSecondReplacementReplacesTheLatestCard() {
        String third = "9000000000000027";
        fixture.given(ENROLLED, new CardReplaced(MEMBER, CHAIN, CARD, NEW_CARD, LATER))
                .when(new ReplaceCard(MEMBER, third, LATER.plusSeconds(60)))
                .expectEvents(new CardReplaced(MEMBER, CHAIN, NEW_CARD, third, LATER.plusSeconds(60)));
    }

    @Test
    void aReplacementCardMustBeAValidNewNumber() {
        fixture.given(ENROLLED)
                .when(new ReplaceCard(MEMBER, CARD, LATER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new ReplaceCard(MEMBER, "9000000000000002", LATER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void optingOutIsRecordedOnce() {
        fixture.given(ENROLLED)
                .when(new OptOut(MEMBER, LATER))
                .expectEvents(new MemberOptedOut(MEMBER, CHAIN, LATER));
        fixture.given(ENROLLED, new MemberOptedOut(MEMBER, CHAIN, LATER))
                .when(new OptOut(MEMBER, LATER.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberWhoOptedOutChangesNothingAnyMore() {
        MemberOptedOut optedOut = new MemberOptedOut(MEMBER, CHAIN, LATER);
        Instant after = LATER.plusSeconds(60);
        fixture.given(ENROLLED, optedOut).when(new ChangeContactDetails(MEMBER, CONTACT, after))
                .expectException(MemberStateException.class).expectNoEvents();
        fixture.given(ENROLLED, optedOut).when(new ChangeConsents(MEMBER, true, true, after))
                .expectException(MemberStateException.class).expectNoEvents();
        fixture.given(ENROLLED, optedOut).when(new ReplaceCard(MEMBER, NEW_CARD, after))
                .expectException(MemberStateException.class).expectNoEvents();
    }

    @Test
    void anActiveOrOptedOutMemberCanBeErased() {
        fixture.given(ENROLLED)
                .when(new EraseMember(MEMBER, LATER))
                .expectEvents(new MemberErased(MEMBER, CHAIN, LATER));
        fixture.given(ENROLLED, new MemberOptedOut(MEMBER, CHAIN, LATER))
                .when(new EraseMember(MEMBER, LATER.plusSeconds(1)))
                .expectEvents(new MemberErased(MEMBER, CHAIN, LATER.plusSeconds(1)));
    }

    @Test
    void erasingTwiceIsHarmless() {
        fixture.given(ENROLLED, new MemberErased(MEMBER, CHAIN, LATER))
                .when(new EraseMember(MEMBER, LATER.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anErasedMemberCanNeitherChangeNorOptOut() {
        MemberErased erased = new MemberErased(MEMBER, CHAIN, LATER);
        Instant after = LATER.plusSeconds(60);
        fixture.given(ENROLLED, erased).when(new ChangeContactDetails(MEMBER, CONTACT, after))
                .expectException(MemberStateException.class).expectNoEvents();
        fixture.given(ENROLLED, erased).when(new ChangeConsents(MEMBER, true, false, after))
                .expectException(MemberStateException.class).expectNoEvents();
        fixture.given(ENROLLED, erased).when(new ReplaceCard(MEMBER, NEW_CARD, after))
                .expectException(MemberStateException.class).expectNoEvents();
        fixture.given(ENROLLED, erased).when(new OptOut(MEMBER, after))
                .expectException(MemberStateException.class).expectNoEvents();
    }
}
