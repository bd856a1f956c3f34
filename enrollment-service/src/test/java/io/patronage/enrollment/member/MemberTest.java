package io.patronage.enrollment.member;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

class MemberTest {

    private static final String MEMBER = "3f1c2d4e-0000-4000-8000-000000000001";
    private static final Instant ENROLLED_AT = Instant.parse("2026-03-01T09:15:00.123Z");
    private static final PersonalData ELENI = new PersonalData("Ελένη", "Παπαδοπούλου",
            new ContactDetails("eleni@example.gr", "+302101234567"), LocalDate.of(1988, 4, 12), "el-GR");

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void enrollingRecordsTheMemberWithTheirCardReferralCodeAndPersonalData() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, "chain-gr", "9000000000000001", "K7M2Q9XZ", ELENI, ENROLLED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberEnrolled(MEMBER, "chain-gr", "9000000000000001", "K7M2Q9XZ", ELENI, ENROLLED_AT));
    }

    @Test
    void optionalPersonalDataMayBeAbsent() {
        PersonalData minimal = new PersonalData("Aino", "Mäkelä", new ContactDetails("aino@example.fi", null), null, "fi");

        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, "chain-fi", "9000000000000001", "K7M2Q9XZ", minimal, ENROLLED_AT))
                .expectEvents(new MemberEnrolled(MEMBER, "chain-fi", "9000000000000001", "K7M2Q9XZ", minimal, ENROLLED_AT));
    }

    @Test
    void aCardNumberThatFailsTheLuhnCheckIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, "chain-gr", "9000000000000002", "K7M2Q9XZ", ELENI, ENROLLED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aCardNumberOfTheWrongLengthIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMember(MEMBER, "chain-gr", "79927398713", "K7M2Q9XZ", ELENI, ENROLLED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberIsEnrolledOnlyOnce() {
        // Enrolling creates the aggregate: a second enrollment under the same id collides in the event store.
        fixture.given(new MemberEnrolled(MEMBER, "chain-gr", "9000000000000001", "K7M2Q9XZ", ELENI, ENROLLED_AT))
                .when(new EnrollMember(MEMBER, "chain-gr", "9000000000000019", "P3R8T2VW", ELENI, ENROLLED_AT))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }
}
