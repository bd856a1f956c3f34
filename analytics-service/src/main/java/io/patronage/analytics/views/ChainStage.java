package io.patronage.analytics.views;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.kafka.ChainLookup;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitioned by chain: adds each change to the chain's tallies (one per period) and cohort rows, and publishes the
 * views that changed — at most once per view per {@link ViewSettings#publishInterval()}, not once per record. What
 * is still to be published is in a store of its own, so a crash between a change and its publication loses neither.
 */
final class ChainStage implements Processor<String, Fact, String, IntegrationEvent> {

    static final String TALLIES = "tallies";
    static final String COHORTS = "cohorts";
    static final String UNPUBLISHED = "unpublished";
    private static final String TALLY = "t:";
    private static final String COHORT = "c:";

    private final ChainLookup chains;
    private final ViewSettings settings;
    private final String source;
    private ProcessorContext<String, IntegrationEvent> context;
    private KeyValueStore<String, StoredTally> tallies;
    private KeyValueStore<String, StoredCohort> cohorts;
    private KeyValueStore<String, String> unpublished;

    ChainStage(ChainLookup chains, ViewSettings settings, String source) {
        this.chains = chains;
        this.settings = settings;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, IntegrationEvent> context) {
        this.context = context;
        this.tallies = context.getStateStore(TALLIES);
        this.cohorts = context.getStateStore(COHORTS);
        this.unpublished = context.getStateStore(UNPUBLISHED);
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (!(record.value() instanceof Fact.Counted counted)) {
            return;
        }
        Instant at = null;
        for (Fact.PeriodChange change : counted.periods()) {
            String key = StoredTally.storeKey(counted.chainId(), change.kind(), change.period());
            StoredTally stored = tallies.get(key);
            if (stored == null) {
                stored = ViewRenderer.empty(counted.chainId(), change.kind(), change.period(), null);
            }
            tallies.put(key, stored.plus(change.change()));
            unpublished.put(TALLY + key, "");
            at = change.change().lastEventAt() != null ? change.change().lastEventAt() : at;
        }
        for (Fact.CohortChange change : counted.cohorts()) {
            String key = StoredCohort.storeKey(counted.chainId(), change.cohort());
            StoredCohort stored = cohorts.get(key);
            if (stored == null) {
                stored = new StoredCohort(counted.chainId(), change.cohort(), 0, null, null, 0);
            }
            cohorts.put(key, stored.plus(change, at));
            unpublished.put(COHORT + key, "");
        }
    }

    private void publish() {
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = unpublished.all()) {
            while (pending.hasNext()) {
                KeyValue<String, String> entry = pending.next();
                done.add(entry.key);
                if (entry.key.startsWith(TALLY)) {
                    publishTally(tallies.get(entry.key.substring(TALLY.length())));
                } else {
                    publishCohort(cohorts.get(entry.key.substring(COHORT.length())));
                }
            }
        }
        done.forEach(unpublished::delete);
    }

    private void publishTally(StoredTally stored) {
        if (stored == null) {
            return;
        }
        String currency = chains.find(stored.chainId()).map(ChainConfigured::currency).orElse(null);
        String id = stored.chainId() + "|" + stored.period() + "@" + stored.revision();
        send(ViewRenderer.participation(stored, currency), id, stored.tally().lastEventAt());
        send(ViewRenderer.points(stored), id, stored.tally().lastEventAt());
        if (ViewRenderer.hasRetention(stored.kind())) {
            int window = settings.windowDays(stored.chainId());
            send(ViewRenderer.retention(stored, window), id, stored.tally().lastEventAt());
            send(ViewRenderer.churn(stored, window), id, stored.tally().lastEventAt());
        }
    }

    private void publishCohort(StoredCohort stored) {
        if (stored != null) {
            IntegrationEvent view = ViewRenderer.cohort(stored);
            send(view, view.key() + "@" + stored.revision(), stored.computedAt());
        }
    }

    private void send(IntegrationEvent view, String id, Instant time) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, id);
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, IntegrationEvent.typeOf(view.getClass()));
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, source);
        if (time != null) {
            CloudEventHeaders.put(headers, CloudEventHeaders.TIME, time.toString());
        }
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, view.key());
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        long timestamp = time != null ? time.toEpochMilli() : context.currentSystemTimeMs();
        context.forward(new Record<>(view.key(), view, timestamp, headers));
    }
}
