package io.patronage.harness.workload;

/** A retail chain of the simulated world. */
public record Chain(String chainId, int number, ChainProfile profile) {

    public String currency() {
        return profile.currency();
    }

    /** Where its first stores are. */
    public String timeZone() {
        return profile.zones().get(0);
    }

    public String locale() {
        return profile.locales().get(0);
    }
}
