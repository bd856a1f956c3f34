package io.patronage.rewards.redemption;

import io.patronage.contracts.points.PointsDebitRequested;

/** Where the redemption saga sends its debit requests to points-service. */
public interface PointsRequests {

    /**
     * @param requestEventId the id of the domain event the request is made for, so a request sent again
     *                       carries the same id
     */
    void requestDebit(PointsDebitRequested request, String requestEventId);
}
