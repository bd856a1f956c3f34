package io.patronage.analytics.views;

import io.patronage.analytics.periods.Period;
import io.patronage.analytics.periods.PeriodKind;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.kafka.ChainLookup;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Partitioned by chain: adds each change to the chain's tallies (one per period) and cohort rows, and publishes the
 * views that changed — at most once per view per {@link ViewSettings#publishInterval()}, not once per record. What
 * is still to be published is in a store of its own, so a crash between a change and its publication loses neither.
 * <p>
 * A purchase keeps its member active for the active window after it, so it changes the tallies of periods that have
 * not begun yet. Those are kept, not published: a period's views are first published by the punctuation at or after
 * its start on the service clock (every {@code publishInterval}; the simulated clock included), with
 * {@code final: false} while it runs, and published once more, {@code final: true}, by the first punctuation after
 * its end.
 */
final class ChainStage implements Processor<String, Fact, String, IntegrationEvent> {

    static final String TALLIES = "tallies";
    static final String COHORTS = "cohorts";
    static final String UNPUBLISHED = "unpublished";
    static final String EXPIRING = "expiring";
    /** Each chain's dormant list, keyed {@code chainId|memberId}: what {@code GET /analytics/dormant} reads. */
    static final String DORMANT = "dormant";
    /** A tally changed since it was last published (or one of a period that has not started yet). */
    private static final String TALLY = "t:";
    private static final String COHORT = "c:";
    /** A period published while it ran: published again, final, when it ends. */
    private static final String RUNNING = "r:";

    private final ChainLookup chains;
    private final ChainCalendar calendar;
    private final Clock clock;
    private final ViewSettings settings;
    private final String source;
    private ProcessorContext<String, IntegrationEvent> context;
    private KeyValueStore<String, StoredTally> tallies;
    private KeyValueStore<String, StoredCohort> cohorts;
    private KeyValueStore<String, String> unpublished;
    private KeyValueStore<String, StoredExpiries> expiring;
    private KeyValueStore<String, DormantMember> dormant;

    ChainStage(ChainLookup chains, Clock clock, ViewSettings settings, String source) {
        this.chains = chains;
        this.calendar = new ChainCalendar(chains);
        this.clock = clock;
        this.settings = settings;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, IntegrationEvent> context) {
        this.context = context;
        this.tallies = context.getStateStore(TALLIES);
        this.cohorts = context.getStateStore(COHORTS);
        this.unpublished = context.getStateStore(UNPUBLISHED);
        this.expiring = context.getStateStore(EXPIRING);
        this.dormant = context.getStateStore(DORMANT);
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.Dormant change) {
            if (change.member() == null) {
                dormant.delete(change.listKey());
            } else {
                dormant.put(change.listKey(), change.member());
            }
            return;
        }
        if (record.value() instanceof Fact.DayChange change) {
            count(change.chainId(), ChainCalendar.everyPeriodOf(change.day(), change.change()), List.of());
            if (!change.expiringByDay().isEmpty()) {
                StoredExpiries stored = expiring.get(change.chainId());
                expiring.put(change.chainId(), (stored != null ? stored
                        : new StoredExpiries(change.chainId(), null, null)).plus(change.expiringByDay()));
                unpublished.put(TALLY + allTimeKey(change.chainId()), "");
            }
        } else if (record.value() instanceof Fact.Counted counted) {
            count(counted.chainId(), counted.periods(), counted.cohorts());
        }
    }

    private void count(String chainId, List<Fact.PeriodChange> periods, List<Fact.CohortChange> cohortChanges) {
        Instant at = null;
        for (Fact.PeriodChange change : periods) {
            String key = StoredTally.storeKey(chainId, change.kind(), change.period());
            StoredTally stored = tallies.get(key);
            if (stored == null) {
                stored = ViewRenderer.empty(chainId, change.kind(), change.period(), null);
            }
            tallies.put(key, stored.plus(change.change()));
            unpublished.put(TALLY + key, "");
            at = change.change().lastEventAt() != null ? change.change().lastEventAt() : at;
        }
        for (Fact.CohortChange change : cohortChanges) {
            String key = StoredCohort.storeKey(chainId, change.cohort());
            StoredCohort stored = cohorts.get(key);
            if (stored == null) {
                stored = new StoredCohort(chainId, change.cohort(), 0, null, null, 0);
            }
            cohorts.put(key, stored.plus(change, at));
            unpublished.put(COHORT + key, "");
        }
    }

    private void publish() {
        Instant now = clock.instant();
        republishExpiringOnANewDay(now);
        List<String> done = new ArrayList<>();
        Set<String> running = new HashSet<>();
        Set<String> publishedNow = new HashSet<>();
        try (KeyValueIterator<String, String> pending = unpublished.all()) {
            while (pending.hasNext()) {
                String entry = pending.next().key;
                if (entry.startsWith(COHORT)) {
                    publishCohort(cohorts.get(entry.substring(COHORT.length())));
                    done.add(entry);
                    continue;
                }
                String key = entry.substring(entry.indexOf(':') + 1);
                StoredTally stored = tallies.get(key);
                if (stored == null) {
                    done.add(entry);
                    continue;
                }
                Period period = stored.asPeriod();
                if (!calendar.started(stored.chainId(), period, now)) {
                    continue;
                }
                boolean ended = calendar.ended(stored.chainId(), period, now);
                if (entry.startsWith(RUNNING) && !ended) {
                    continue;
                }
                if (publishedNow.add(key)) {
                    publishTally(stored, ended);
                }
                done.add(entry);
                if (!ended && period.kind() != PeriodKind.ALL_TIME) {
                    running.add(RUNNING + key);
                }
            }
        }
        done.forEach(unpublished::delete);
        running.forEach(entry -> unpublished.put(entry, ""));
    }

    private void publishTally(StoredTally stored, boolean isFinal) {
        ChainConfigured chain = chains.find(stored.chainId()).orElse(null);
        String currency = chain == null ? null : chain.currency();
        // a running period's view and the same numbers once final are two records: their ids differ
        boolean provisional = !isFinal && stored.kind() != PeriodKind.ALL_TIME;
        String id = stored.chainId() + "|" + stored.period() + "@" + stored.revision() + (provisional ? ".provisional" : "");
        Instant at = stored.tally().lastEventAt();
        send(ViewRenderer.participation(stored, currency, isFinal), id, at);
        if (stored.kind() == PeriodKind.ALL_TIME) {
            StoredExpiries.Expiring expiring = expiringAsOf(stored.chainId(), clock.instant());
            // the expiring points move with the clock: the same revision on another day is another record
            send(ViewRenderer.points(stored, chain, expiring, isFinal),
                    expiring == null ? id : id + "/" + expiring.asOf(), at);
        } else {
            send(ViewRenderer.points(stored, chain, null, isFinal), id, at);
        }
        send(ViewRenderer.satisfaction(stored, isFinal), id, at);
        if (ViewRenderer.hasRetention(stored.kind())) {
            int window = settings.windowDays(stored.chainId());
            send(ViewRenderer.retention(stored, window, isFinal), id, at);
            send(ViewRenderer.churn(stored, window, isFinal), id, at);
        }
    }

    /**
     * The expiring points of a chain as of its today, remembered as published; {@code null} when none of its points
     * were ever known to expire.
     */
    private StoredExpiries.Expiring expiringAsOf(String chainId, Instant now) {
        StoredExpiries stored = expiring.get(chainId);
        if (stored == null) {
            return null;
        }
        LocalDate today = calendar.day(chainId, now);
        if (!today.toString().equals(stored.publishedAsOf())) {
            expiring.put(chainId, stored.publishedAsOf(today));
        }
        return stored.asOf(today);
    }

    /** A chain whose day changed since its all-time points view was published gets it published again. */
    private void republishExpiringOnANewDay(Instant now) {
        try (KeyValueIterator<String, StoredExpiries> chainsExpiring = expiring.all()) {
            while (chainsExpiring.hasNext()) {
                StoredExpiries stored = chainsExpiring.next().value;
                if (!calendar.day(stored.chainId(), now).toString().equals(stored.publishedAsOf())) {
                    unpublished.put(TALLY + allTimeKey(stored.chainId()), "");
                }
            }
        }
    }

    private static String allTimeKey(String chainId) {
        return StoredTally.storeKey(chainId, PeriodKind.ALL_TIME, Period.ALL_TIME.id());
    }

    private void publishCohort(StoredCohort stored) {
        if (stored != null) {
            IntegrationEvent view = ViewRenderer.cohort(stored);
            send(view, view.key() + "@" + stored.revision(), stored.computedAt());
        }
    }

    private void send(IntegrationEvent view, String id, Instant time) {
        Headers headers = ViewHeaders.of(view, id, time, source);
        context.forward(new Record<>(view.key(), view, RecordTime.of(time, context), headers));
    }
}
