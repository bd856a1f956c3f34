package io.patronage.launcher;

import io.patronage.harness.Service;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The launcher's command line. */
record LauncherOptions(Path dataDir,
                       int kafkaPort,
                       int mongoPort,
                       Map<Service, Integer> servicePorts,
                       Optional<Path> servicesDir,
                       boolean demo,
                       boolean simulatedClock,
                       boolean help) {

    static final String USAGE = """
            Usage: java -jar launcher/target/patronage-launcher.jar [options]

            Starts an embedded Kafka broker and MongoDB wire server, then the four Patronage services,
            each in its own JVM. Ctrl-C stops everything.

            Options:
              --data-dir DIR          Kafka log and MongoDB data; survives a restart (default ./data)
              --kafka-port PORT       embedded Kafka broker (default 9092; 0 picks a free port)
              --mongo-port PORT       embedded MongoDB wire server (default 27017; 0 picks a free port)
              --port-base PORT        enrollment PORT, points PORT+1, rewards PORT+2, analytics PORT+3
                                      (default 8081)
              --enrollment-port PORT, --points-port PORT, --rewards-port PORT, --analytics-port PORT
                                      one service's HTTP port (overrides --port-base)
              --services-dir DIR      where the service jars are: a repository root with
                                      <service>/target/<service>.jar, or a directory of <service>.jar
                                      (default: $PATRONAGE_HOME, else the repository this launcher jar
                                      was built in, else the current directory)
              --demo                  enroll demo members of three chains and stream synthetic POS
                                      transactions to retail.transactions.v1
              --simulated-clock       start every service on a simulated clock that the clock command
                                      moves forward (demos and tests only; never in production)
              -h, --help              this help

            Commands:
              rebuild [--points-url URL]
                                      rebuild points-service's balances from its event log and
                                      compare checksums before and after (see rebuild --help)
              clock [TIME | +PERIOD] [--port-base PORT]
                                      show, or move forward, the simulated clock of every service of a
                                      platform started with --simulated-clock (see clock --help)
            """;

    static LauncherOptions parse(String... args) throws UsageException {
        Path dataDir = Path.of("data");
        int kafkaPort = 9092;
        int mongoPort = 27017;
        Integer portBase = null;
        Map<Service, Integer> explicitPorts = new EnumMap<>(Service.class);
        Path servicesDir = null;
        boolean demo = false;
        boolean simulatedClock = false;
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--demo" -> demo = flag(name, inlineValue);
                case "--simulated-clock" -> simulatedClock = flag(name, inlineValue);
                case "-h", "--help" -> help = flag(name, inlineValue);
                default -> {
                    if (!takesValue(name)) {
                        throw new UsageException("unknown option: " + arg);
                    }
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--data-dir" -> dataDir = path(name, value);
                        case "--services-dir" -> servicesDir = path(name, value);
                        case "--kafka-port" -> kafkaPort = port(name, value, 0);
                        case "--mongo-port" -> mongoPort = port(name, value, 0);
                        case "--port-base" -> portBase = port(name, value, 1);
                        default -> explicitPorts.put(serviceOf(name), port(name, value, 1));
                    }
                }
            }
        }

        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            int fromBase = portBase == null ? service.defaultPort() : portBase + service.ordinal();
            servicePorts.put(service, explicitPorts.getOrDefault(service, fromBase));
        }
        requireDistinct(kafkaPort, mongoPort, servicePorts);
        return new LauncherOptions(dataDir, kafkaPort, mongoPort, Map.copyOf(servicePorts),
                Optional.ofNullable(servicesDir), demo, simulatedClock, help);
    }

    private static boolean takesValue(String name) {
        return switch (name) {
            case "--data-dir", "--services-dir", "--kafka-port", "--mongo-port", "--port-base" -> true;
            default -> serviceOf(name) != null;
        };
    }

    /** The service whose port {@code --<service>-port} sets, or null. */
    private static Service serviceOf(String option) {
        for (Service service : Service.values()) {
            if (option.equals("--" + service.label() + "-port")) {
                return service;
            }
        }
        return null;
    }

    private static boolean flag(String name, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static Path path(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a directory");
        }
        return Path.of(value);
    }

    private static int port(String name, String value, int lowest) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a port number, not '" + value + "'");
        }
        // --port-base needs room for the three ports after it.
        int highest = name.equals("--port-base") ? 65535 - (Service.values().length - 1) : 65535;
        if (port < lowest || port > highest) {
            throw new UsageException(name + " must be between " + lowest + " and " + highest + ", not " + port);
        }
        return port;
    }

    private static void requireDistinct(int kafkaPort, int mongoPort, Map<Service, Integer> servicePorts)
            throws UsageException {
        Map<Integer, String> owners = new HashMap<>();
        claim(owners, kafkaPort, "Kafka");
        claim(owners, mongoPort, "MongoDB");
        for (Service service : Service.values()) {
            claim(owners, servicePorts.get(service), service.artifact());
        }
    }

    private static void claim(Map<Integer, String> owners, int port, String owner) throws UsageException {
        if (port == 0) {
            return;
        }
        String previous = owners.putIfAbsent(port, owner);
        if (previous != null) {
            throw new UsageException("port " + port + " is given to both " + previous + " and " + owner);
        }
    }
}
