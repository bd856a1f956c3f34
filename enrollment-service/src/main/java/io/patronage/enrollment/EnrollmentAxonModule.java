package io.patronage.enrollment;

import io.micronaut.context.annotation.Value;
import io.patronage.enrollment.member.Member;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The Member aggregate and the profile projection (the kit publishes the events, see {@code MemberEventPublisher}). */
@Singleton
class EnrollmentAxonModule implements AxonModule {

    private final MemberProfiles profiles;
    private final int memberCacheSize;

    EnrollmentAxonModule(MemberProfiles profiles,
                         @Value("${patronage.enrollment.member-cache-size:10000}") int memberCacheSize) {
        this.profiles = profiles;
        this.memberCacheSize = memberCacheSize;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Member.class)
                .configureCache(config -> new BoundedCache(memberCacheSize)));
        configurer.eventProcessing()
                .registerEventHandler(config -> profiles);
    }
}
