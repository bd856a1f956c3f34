package io.patronage.enrollment.enrolling;

import io.micronaut.context.annotation.Context;
import io.patronage.enrollment.identifiers.EmailRegistry;
import io.patronage.enrollment.profile.MemberProfiles;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At startup, before the service enrolls anyone, frees the email addresses of enrollments this instance's
 * previous run claimed but never recorded (it crashed in between), so that retrying them is not refused.
 */
@Context
class UnfinishedEnrollments {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedEnrollments.class);

    private final EmailRegistry emails;
    private final MemberProfiles profiles;
    private final EventStore eventStore;

    UnfinishedEnrollments(EmailRegistry emails, MemberProfiles profiles, EventStore eventStore) {
        this.emails = emails;
        this.profiles = profiles;
        this.eventStore = eventStore;
    }

    @PostConstruct
    void releaseClaimsOfThePreviousRun() {
        // The event store decides: the profile is written after the event, so a crash can leave an event without one.
        int released = emails.resolvePendingOfPreviousRun(memberId -> profiles.find(memberId).isPresent()
                || eventStore.lastSequenceNumberFor(memberId).isPresent());
        if (released > 0) {
            LOG.warn("Released the email claims of {} enrollments that {} had not finished when it stopped",
                    released, emails.instanceName());
        }
    }
}
