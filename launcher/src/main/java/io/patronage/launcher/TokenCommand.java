package io.patronage.launcher;

import io.patronage.infra.LocalTokens;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code patronage-launcher.jar token --role ROLE [--chain CHAIN]... [--subject SUBJECT]}: prints a bearer token
 * signed by the embedded platform's local key (made in the data directory at the first start), for curl and the
 * Swagger UI. In production the chains' OpenID Connect provider issues tokens instead.
 */
final class TokenCommand {

    static final String USAGE = """
            Usage: java -jar launcher/target/patronage-launcher.jar token --role ROLE [--role ROLE]...
                   [--chain CHAIN]... [--subject SUBJECT] [--ttl DURATION] [--data-dir DIR]

            Prints a JWT that the platform started on DIR accepts, e.g.
              TOKEN=$(java -jar launcher/target/patronage-launcher.jar token --role ops --chain aegean-market-gr)
              curl -H "Authorization: Bearer $TOKEN" localhost:8081/members?chainId=aegean-market-gr

            Roles: member (--subject is the member id), pos (a till or sign-up channel), ops, analyst (each
            per --chain; --chain '*' is every chain), admin (chains, rebuilds, the clock, every audit log).

            Options:
              --role ROLE             a role the token carries (repeatable)
              --chain CHAIN           a chain it acts for (repeatable)
              --subject SUBJECT       who it is (default: the role and chains, e.g. ops-aegean-market-gr)
              --ttl DURATION          how long it is valid, ISO-8601 (default PT12H)
              --data-dir DIR          the platform's data directory (default ./data)
            """;

    private static final Set<String> ROLES = Set.of("member", "pos", "ops", "analyst", "admin");
    private static final Set<String> PER_CHAIN = Set.of("pos", "ops", "analyst");
    private static final String KEYS = "security";

    private TokenCommand() {
    }

    /** Where the platform keeps its local signing key. */
    static LocalTokens keys(Path dataDir) {
        return LocalTokens.in(dataDir.resolve(KEYS));
    }

    /** What the launcher's own commands and the demo call with: every role on every chain, for an hour. */
    static String launcherToken(LocalTokens keys) {
        return keys.mint("patronage-launcher", List.of("admin", "ops", "pos", "analyst"), List.of("*"),
                Duration.ofHours(1));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> roles = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        String subject = null;
        Duration ttl = Duration.ofHours(12);
        Path dataDir = Path.of("data");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return 0;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--role", "--chain", "--subject", "--ttl", "--data-dir").contains(name)) {
                return usage(err, "unknown argument " + arg);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isBlank()) {
                return usage(err, name + " needs a value");
            }
            switch (name) {
                case "--role" -> roles.add(value);
                case "--chain" -> chains.add(value);
                case "--subject" -> subject = value;
                case "--data-dir" -> dataDir = Path.of(value);
                default -> {
                    try {
                        ttl = Duration.parse(value);
                    } catch (DateTimeParseException e) {
                        return usage(err, "--ttl needs an ISO-8601 duration such as PT12H, not " + value);
                    }
                }
            }
        }
        if (roles.isEmpty()) {
            return usage(err, "give at least one --role");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                return usage(err, "unknown role " + role + "; roles are member, pos, ops, analyst, admin");
            }
        }
        if (roles.stream().anyMatch(PER_CHAIN::contains) && chains.isEmpty()) {
            return usage(err, "pos, ops and analyst act per chain: give --chain (or --chain '*')");
        }
        if (roles.contains("member") && subject == null) {
            return usage(err, "a member token needs --subject MEMBER_ID");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            return usage(err, "--ttl must be positive");
        }
        if (subject == null) {
            subject = String.join("+", roles) + (chains.isEmpty() ? "" : "-" + String.join("+", chains).replace("*", "all"));
        }
        try {
            out.println(keys(dataDir).mint(subject, roles, chains, ttl));
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("patronage-launcher token: " + problem);
        err.print(USAGE);
        return 2;
    }
}
