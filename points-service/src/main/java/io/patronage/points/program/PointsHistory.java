package io.patronage.points.program;

/** Whether a chain's members have moved points yet (implemented by the balance read model). */
public interface PointsHistory {

    /** True when some account of the chain was ever credited or debited. */
    boolean anyMoved(String chainId);
}
