package io.patronage.bench.workload;

/** A retail chain of the simulated world. */
public record Chain(String chainId, int number, ChainProfile profile) {

    public String currency() {
        return profile.currency();
    }
}
