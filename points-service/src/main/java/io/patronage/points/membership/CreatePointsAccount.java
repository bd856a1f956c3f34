package io.patronage.points.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the account of a member known to have none yet: the account is created without reading the event
 * store first (which, on the embedded store, scans the whole log). When in doubt, send {@link OpenPointsAccount}.
 */
public record CreatePointsAccount(@TargetAggregateIdentifier String memberId, OpenPointsAccount opening) {

    public CreatePointsAccount(OpenPointsAccount opening) {
        this(opening.memberId(), opening);
    }
}
