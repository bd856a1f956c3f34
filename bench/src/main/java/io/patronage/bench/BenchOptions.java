package io.patronage.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The command line of the bench. */
record BenchOptions(int transactions, int members, int stores, int chains, Integer rate, Set<Measurement> only,
                    long seed, int warmup, int latencySeconds, long rebuildEvents, MongoBackend mongo, String heap,
                    boolean profile, boolean chaos) {

    enum Measurement { EARN, BASELINE, STORAGE, LATENCY, ANALYTICS, REDEEM, REBUILD }

    enum MongoBackend { H2, MEMORY }

    static final String USAGE = """
            usage: java -jar bench/target/patronage-bench.jar [options]
              --transactions N     POS records in the earn run, ~1% of them duplicate resends (default 20000)
              --members N          enrolled members (default 2000)
              --stores N           stores, spread over the chains (default 40)
              --chains N           chains: EUR, MYR, IRR, JPY, KWD, ... (default 3)
              --rate TPS           rate of the latency run (default: half the measured earn throughput)
              --only LIST          comma-separated subset of earn,baseline,storage,latency,analytics,redeem,rebuild
              --seed N             generator seed (default 42)
              --warmup N           unmeasured transactions before the measured runs (default 1000)
              --latency-seconds N  length of the fixed-rate run (default 20)
              --rebuild-events N   grow the event log to N events before the rebuild, by copying the earn run's
                                   accounts under new member ids (default: only the earn run's events)
              --mongo h2|memory    embedded store backend: h2 (the launcher's default) or memory (default h2)
              --heap SIZE          -Xmx of the spawned services (default 1g)
              --profile            JFR-profile points-service and the embedded infrastructure during the earn run
              --chaos              instead of the measurements: the chaos run (every record twice, 1% poison,
                                   two points-service instances, kill -9 of points-service and analytics-service);
                                   --transactions purchases, sent at --rate records/s (default 300)
            """;

    static BenchOptions parse(String... args) {
        int transactions = 20_000;
        int members = 2_000;
        int stores = 40;
        int chains = 3;
        Integer rate = null;
        Set<Measurement> only = EnumSet.allOf(Measurement.class);
        long seed = 42;
        int warmup = 1_000;
        int latencySeconds = 20;
        long rebuildEvents = 0;
        MongoBackend mongo = MongoBackend.H2;
        String heap = "1g";
        boolean profile = false;
        boolean chaos = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--profile")) {
                profile = true;
                continue;
            }
            if (flag.equals("--chaos")) {
                chaos = true;
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--transactions" -> transactions = positive(flag, value);
                case "--members" -> members = positive(flag, value);
                case "--stores" -> stores = positive(flag, value);
                case "--chains" -> chains = positive(flag, value);
                case "--rate" -> rate = positive(flag, value);
                case "--only" -> only = measurements(value);
                case "--seed" -> seed = number(flag, value);
                case "--warmup" -> warmup = (int) number(flag, value);
                case "--latency-seconds" -> latencySeconds = positive(flag, value);
                case "--rebuild-events" -> rebuildEvents = positive(flag, value);
                case "--mongo" -> mongo = backend(value);
                case "--heap" -> heap = value;
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (stores < chains) {
            throw new UsageException("--stores must be at least --chains (every chain needs a store)");
        }
        if (warmup < 0) {
            throw new UsageException("--warmup must not be negative");
        }
        return new BenchOptions(transactions, members, stores, chains, rate, only, seed, warmup, latencySeconds,
                rebuildEvents, mongo, heap, profile, chaos);
    }

    boolean measures(Measurement measurement) {
        return only.contains(measurement);
    }

    /** points-service is needed by everything but the raw baseline. */
    boolean needsPointsService() {
        return only.stream().anyMatch(m -> m != Measurement.BASELINE);
    }

    /**
     * The flat-out earn run also feeds storage counts, the rebuild's log, analytics, the redeemers' points and the
     * latency run's rate.
     */
    boolean runsEarnPhase() {
        return measures(Measurement.EARN) || measures(Measurement.STORAGE) || measures(Measurement.REBUILD)
                || measures(Measurement.ANALYTICS) || measures(Measurement.REDEEM)
                || (measures(Measurement.LATENCY) && rate == null);
    }

    private static Set<Measurement> measurements(String list) {
        Set<Measurement> selected = EnumSet.noneOf(Measurement.class);
        for (String name : list.split(",")) {
            try {
                selected.add(Measurement.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown measurement '" + name.strip() + "', expected one of "
                        + Arrays.toString(Measurement.values()).toLowerCase(Locale.ROOT));
            }
        }
        if (selected.isEmpty()) {
            throw new UsageException("--only needs at least one measurement");
        }
        return selected;
    }

    private static MongoBackend backend(String value) {
        try {
            return MongoBackend.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mongo is h2 or memory, not " + value);
        }
    }

    private static int positive(String flag, String value) {
        long number = number(flag, value);
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new UsageException(flag + " must be a positive number, not " + value);
        }
        return (int) number;
    }

    private static long number(String flag, String value) {
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a number, not " + value);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
