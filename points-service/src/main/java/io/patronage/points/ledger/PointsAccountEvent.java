package io.patronage.points.ledger;

/**
 * What happened to a points account; its state is only ever the fold of these. They stay inside the service. Each
 * capability keeps its events in its own package (a sealed interface would have to keep them all in this one).
 */
public interface PointsAccountEvent {

    String memberId();
}
