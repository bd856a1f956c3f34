package io.patronage.harness;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The runnable jar of each service. */
public record ServiceJars(Map<Service, Path> jars) {

    public ServiceJars {
        jars = Map.copyOf(jars);
    }

    public Path jar(Service service) {
        return jars.get(service);
    }

    /**
     * Finds the jars in {@code servicesDir} when given; otherwise in {@code $PATRONAGE_HOME}, then in the
     * repository this class was built in ({@code <root>/launcher/target/patronage-launcher.jar},
     * {@code <root>/platform-harness/target/classes}), then in the working directory.
     */
    public static ServiceJars locate(Optional<Path> servicesDir) throws MissingServiceJarsException {
        return find(candidates(servicesDir, System.getenv(), codeLocation(), Path.of("")));
    }

    static List<Path> candidates(Optional<Path> servicesDir, Map<String, String> env, Optional<Path> codeLocation,
                                 Path workingDir) {
        if (servicesDir.isPresent()) {
            return List.of(servicesDir.get());
        }
        List<Path> candidates = new ArrayList<>();
        String home = env.get("PATRONAGE_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home));
        }
        // launcher/target/patronage-launcher.jar or launcher/target/classes: the root is three levels up.
        codeLocation.map(Path::toAbsolutePath).map(Path::getParent).map(Path::getParent).map(Path::getParent)
                .ifPresent(candidates::add);
        candidates.add(workingDir);
        return candidates;
    }

    /** The first directory holding all four jars, as {@code <service>/target/<service>.jar} or {@code <service>.jar}. */
    static ServiceJars find(List<Path> candidates) throws MissingServiceJarsException {
        return find(candidates, EnumSet.allOf(Service.class));
    }

    /** The first directory holding the jars of {@code needed}; the others are taken where found there. */
    public static ServiceJars find(List<Path> candidates, Set<Service> needed) throws MissingServiceJarsException {
        for (Path directory : candidates) {
            Map<Service, Path> found = jarsIn(directory);
            if (found.keySet().containsAll(needed)) {
                return new ServiceJars(found);
            }
        }
        Path first = candidates.get(0).toAbsolutePath().normalize();
        Map<Service, Path> found = jarsIn(first);
        String missing = needed.stream().sorted()
                .filter(service -> !found.containsKey(service))
                .map(service -> buildOutput(first, service).toString())
                .collect(Collectors.joining(", "));
        throw new MissingServiceJarsException("Service jars not found (" + missing
                + "): run ./mvnw -DskipTests package first, or point --services-dir or PATRONAGE_HOME at the repository.");
    }

    private static Map<Service, Path> jarsIn(Path directory) {
        Map<Service, Path> found = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            for (Path jar : List.of(buildOutput(directory, service), directory.resolve(service.artifact() + ".jar"))) {
                if (Files.isRegularFile(jar)) {
                    found.put(service, jar.toAbsolutePath().normalize());
                    break;
                }
            }
        }
        return found;
    }

    private static Path buildOutput(Path root, Service service) {
        return root.resolve(service.artifact()).resolve("target").resolve(service.artifact() + ".jar");
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(ServiceJars.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One line telling the user what to build. */
    public static final class MissingServiceJarsException extends Exception {
        MissingServiceJarsException(String message) {
            super(message);
        }
    }
}
