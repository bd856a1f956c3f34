package io.patronage.points;

import io.micronaut.runtime.Micronaut;

/** The points ledger: earns points on members' purchases, debits them for rewards, serves balances. */
public final class PointsApplication {

    private PointsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(PointsApplication.class, args);
    }
}
