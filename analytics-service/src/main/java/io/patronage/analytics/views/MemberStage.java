package io.patronage.analytics.views;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Partitioned by chain, keyed by member ({@code chainId:memberId}) in its store: each member's activity, and what each
 * fact changes in the views.
 */
final class MemberStage implements Processor<String, Fact, String, Fact> {

    static final String MEMBERS = "member-activity";

    private final ChainCalendar calendar;
    private final ViewSettings settings;
    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, MemberActivity> members;

    MemberStage(ChainCalendar calendar, ViewSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS);
    }

    @Override
    public void process(Record<String, Fact> record) {
        ActivityPolicy.Outcome outcome;
        if (record.value() instanceof Fact.Enrolled enrolled) {
            MemberActivity before = current(enrolled.chainId(), enrolled.memberId());
            outcome = ActivityPolicy.enrolled(before, calendar.day(enrolled.chainId(), enrolled.enrolledAt()),
                    enrolled.enrolledAt(), settings.windowDays(enrolled.chainId()));
        } else if (record.value() instanceof Fact.Purchase purchase) {
            MemberActivity before = current(purchase.chainId(), purchase.memberId());
            outcome = ActivityPolicy.bought(before, calendar.day(purchase.chainId(), purchase.occurredAt()),
                    purchase.occurredAt(), purchase.total(), settings.windowDays(purchase.chainId()));
        } else if (record.value() instanceof Fact.Erased erased) {
            members.delete(erased.key());
            return;
        } else {
            return;
        }
        members.put(record.value().key(), outcome.after());
        if (!outcome.counted().isEmpty()) {
            context.forward(new Record<>(outcome.counted().key(), outcome.counted(), record.timestamp(),
                    new RecordHeaders()));
        }
    }

    private MemberActivity current(String chainId, String memberId) {
        MemberActivity member = members.get(chainId + ":" + memberId);
        return member != null ? member : MemberActivity.none(chainId, memberId);
    }
}
