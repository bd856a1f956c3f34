package io.patronage.enrollment;

import io.micronaut.context.annotation.Value;
import io.patronage.enrollment.member.Member;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.enrollment.publishing.MemberEventPublisher;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The Member aggregate, the profile projection and the publisher of integration events. */
@Singleton
class EnrollmentAxonModule implements AxonModule {

    private final MemberProfiles profiles;
    private final MemberEventPublisher publisher;
    private final int memberCacheSize;

    EnrollmentAxonModule(MemberProfiles profiles, MemberEventPublisher publisher,
                         @Value("${patronage.enrollment.member-cache-size:10000}") int memberCacheSize) {
        this.profiles = profiles;
        this.publisher = publisher;
        this.memberCacheSize = memberCacheSize;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Member.class)
                .configureCache(config -> new BoundedCache(memberCacheSize)));
        configurer.eventProcessing()
                .registerEventHandler(config -> profiles)
                .registerEventHandler(config -> publisher);
    }
}
