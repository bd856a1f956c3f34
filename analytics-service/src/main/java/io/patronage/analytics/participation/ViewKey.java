package io.patronage.analytics.participation;

/**
 * Which view: one chain over one period. {@code all-time} is the only period so far; monthly views
 * would add ISO months ({@code 2026-11}) reckoned in the chain's time zone.
 */
record ViewKey(String chainId, String period) {

    static final String ALL_TIME = "all-time";

    static ViewKey allTime(String chainId) {
        return new ViewKey(chainId, ALL_TIME);
    }

    /** The Mongo {@code _id} and the Kafka key of the view: {@code chainId|period}. */
    String id() {
        return chainId + "|" + period;
    }
}
