package io.patronage.enrollment.chains;

import io.micronaut.context.annotation.Value;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.kit.chains.Chains;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The policy of the chains this service enrolls members for, as {@code loyalty.chains.v1} has them now (through the
 * kit's chain directory): a chain created or changed through the admin API applies to the next enrollment, on every
 * instance, without a restart.
 */
@Singleton
public class ChainPolicies {

    private final Chains chains;
    private final String defaultLocale;
    private final boolean openToUnconfiguredChains;

    /**
     * @param openToUnconfiguredChains development and end-to-end tests only: enroll members of any chain
     *                                 id under an open policy without age or consent requirements
     */
    public ChainPolicies(Chains chains,
                         @Value("${patronage.enrollment.default-locale:en}") String defaultLocale,
                         @Value("${patronage.enrollment.open-to-unconfigured-chains:false}") boolean openToUnconfiguredChains) {
        this.chains = chains;
        this.defaultLocale = Locale.forLanguageTag(defaultLocale).toLanguageTag();
        this.openToUnconfiguredChains = openToUnconfiguredChains;
    }

    public Optional<ChainPolicy> find(String chainId) {
        if (chainId == null) {
            return Optional.empty();
        }
        Optional<ChainPolicy> configured = chains.find(chainId).map(chain -> ChainPolicy.of(chain, defaultLocale));
        if (configured.isEmpty() && openToUnconfiguredChains) {
            return Optional.of(new ChainPolicy(chainId, EnrollmentMode.OPEN, Set.of(), 0, Set.of(), defaultLocale,
                    ZoneId.of("UTC")));
        }
        return configured;
    }
}
