package io.patronage.enrollment.chains;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chains this service enrolls members for, from configuration, checked when the service starts
 * ({@link Context}) so that a typo in a time zone stops the service rather than a member's enrollment.
 */
@Context
public class ChainPolicies {

    private final Map<String, ChainPolicy> policies;
    private final String defaultLocale;
    private final boolean openToUnconfiguredChains;

    /**
     * @param openToUnconfiguredChains development and end-to-end tests only: enroll members of any chain
     *                                 id under an open policy without age or consent requirements
     */
    public ChainPolicies(List<ChainSettings> chains,
                  @Value("${patronage.enrollment.default-locale:en}") String defaultLocale,
                  @Value("${patronage.enrollment.open-to-unconfigured-chains:false}") boolean openToUnconfiguredChains) {
        this.defaultLocale = Locale.forLanguageTag(defaultLocale).toLanguageTag();
        this.openToUnconfiguredChains = openToUnconfiguredChains;
        this.policies = chains.stream().map(settings -> policy(settings, this.defaultLocale))
                .collect(Collectors.toUnmodifiableMap(ChainPolicy::chainId, Function.identity()));
    }

    public Optional<ChainPolicy> find(String chainId) {
        if (chainId == null) {
            return Optional.empty();
        }
        ChainPolicy configured = policies.get(chainId);
        if (configured == null && openToUnconfiguredChains) {
            return Optional.of(new ChainPolicy(chainId, EnrollmentMode.OPEN, Set.of(), 0, Set.of(), defaultLocale,
                    ZoneId.of("UTC")));
        }
        return Optional.ofNullable(configured);
    }

    private static ChainPolicy policy(ChainSettings settings, String defaultLocale) {
        if (settings.getMinimumAge() < 0) {
            throw new IllegalArgumentException("patronage.enrollment.chains." + settings.getChainId()
                    + ".minimum-age must not be negative");
        }
        return new ChainPolicy(settings.getChainId(), settings.getEnrollment(), Set.copyOf(settings.getInvitationCodes()),
                settings.getMinimumAge(), Set.copyOf(settings.getRequiredConsents()),
                Locale.forLanguageTag(settings.getDefaultLocale() == null ? defaultLocale : settings.getDefaultLocale())
                        .toLanguageTag(),
                ZoneId.of(settings.getTimeZone()));
    }
}
