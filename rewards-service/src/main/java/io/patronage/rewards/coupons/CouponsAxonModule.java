package io.patronage.rewards.coupons;

import io.patronage.kit.axon.AxonModule;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

@Singleton
class CouponsAxonModule implements AxonModule {

    private final MemberCoupons memberCoupons;

    CouponsAxonModule(MemberCoupons memberCoupons) {
        this.memberCoupons = memberCoupons;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(config -> memberCoupons);
    }
}
