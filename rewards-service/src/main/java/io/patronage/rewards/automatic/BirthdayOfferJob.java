package io.patronage.rewards.automatic;

import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.clock.DueWork;
import io.patronage.rewards.availability.ChainZones;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/**
 * Grants the birthday offers: for each chain with one, each day (the chain's zone) not granted yet, from its midnight
 * on, gives the members whose birthday it celebrates their coupon for the year ({@code birthday:<chainId>:<memberId>:
 * <year>}, so a day granted twice — two instances, a crash before the day was recorded — grants nothing more). On the
 * simulated clock the chain-local midnights are announced, so moving the clock grants each birthday on its day.
 */
@Singleton
class BirthdayOfferJob implements DueWork {

    private static final Logger LOG = LoggerFactory.getLogger(BirthdayOfferJob.class);

    private final BirthdayOffers offers;
    private final MemberDirectory members;
    private final ChainZones zones;
    private final CouponGrants grants;
    private final Clock clock;

    BirthdayOfferJob(BirthdayOffers offers, MemberDirectory members, ChainZones zones, CouponGrants grants,
                     Clock clock) {
        this.offers = offers;
        this.members = members;
        this.zones = zones;
        this.grants = grants;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${patronage.rewards.birthday-interval:15m}",
            initialDelay = "${patronage.rewards.birthday-interval:15m}")
    void grantBirthdayOffers() {
        runDue(clock.instant());
    }

    /** The earliest chain-local midnight of a day not granted yet (in the past when one is late). */
    @Override
    public Instant nextDue() {
        Instant next = null;
        for (BirthdayOffer offer : offers.all()) {
            Instant due = BirthdayPolicy.nextDue(offer, zones.of(offer.chainId()));
            next = next == null || due.isBefore(next) ? due : next;
        }
        return next;
    }

    @Override
    public synchronized void runDue(Instant now) {
        for (BirthdayOffer offer : offers.all()) {
            ZoneId zone = zones.of(offer.chainId());
            for (LocalDate day : BirthdayPolicy.daysToGrant(offer, zone, LocalDate.ofInstant(now, zone))) {
                if (!grant(offer, day, now)) {
                    break; // tried again from this day at the next run
                }
                offers.processed(offer.chainId(), day);
            }
        }
    }

    private boolean grant(BirthdayOffer offer, LocalDate day, Instant now) {
        List<MonthDay> birthdays = BirthdayPolicy.birthdaysOn(day, offer.when());
        try {
            for (String memberId : members.celebrating(offer.chainId(), birthdays)) {
                grants.birthday(offer, memberId, day.getYear(), now);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("birthday offers of chain {} for {} not all granted (tried again at the next run): {}",
                    offer.chainId(), day, e.toString());
            return false;
        }
    }
}
