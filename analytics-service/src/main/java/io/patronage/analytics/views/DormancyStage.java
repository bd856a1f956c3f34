package io.patronage.analytics.views;

import io.patronage.contracts.analytics.DormantMember;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitioned by chain, keyed by member ({@code chainId:memberId}) in its stores: the dormant list. A member becomes
 * dormant N days (per chain, {@link ViewSettings#dormantAfterDays}) after the day of their last purchase — or of
 * their enrollment, when they never bought — in the chain's zone; a purchase after that ends it.
 * Each member's last purchase is in store
 * {@value #DORMANCY}; who falls due on which day is in store {@value #DUE} ({@code day|chainId:memberId}, in date
 * order), so the punctuation that reads the service clock (every {@code publishInterval}) finds the members who fell
 * dormant without scanning every member. Each change goes out as a {@link Fact.Dormant}: to the dormant topic (a
 * record, or a tombstone) and to the chain stage, which keeps each chain's list for HTTP reads.
 * <p>
 * A {@link Fact.Erased} deletes the member's rows here and tombstones their record.
 */
final class DormancyStage implements Processor<String, Fact, String, Fact> {

    static final String DORMANCY = "dormancy";
    static final String DUE = "dormancy-due";

    private final ChainCalendar calendar;
    private final Clock clock;
    private final ViewSettings settings;
    private final String source;
    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, MemberDormancy> members;
    private KeyValueStore<String, String> due;

    /** @param source the CloudEvents {@code ce_source} of the dormant records */
    DormancyStage(ChainCalendar calendar, Clock clock, ViewSettings settings, String source) {
        this.source = source;
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.members = context.getStateStore(DORMANCY);
        this.due = context.getStateStore(DUE);
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> fallDormant());
    }

    @Override
    public void process(Record<String, Fact> record) {
        Fact fact = record.value();
        if (fact instanceof Fact.Enrolled enrolled) {
            if (members.get(enrolled.key()) == null) {
                track(new MemberDormancy(enrolled.chainId(), enrolled.memberId(), null,
                        calendar.day(enrolled.chainId(), enrolled.enrolledAt()), false));
            }
        } else if (fact instanceof Fact.Purchase purchase) {
            MemberDormancy before = members.get(purchase.key());
            if (before != null && before.lastPurchaseAt() != null
                    && !purchase.occurredAt().isAfter(before.lastPurchaseAt())) {
                return;
            }
            if (before != null) {
                due.delete(dueKey(before));
                if (before.published()) {
                    forward(purchase.chainId(), purchase.memberId(), null);
                }
            }
            track(new MemberDormancy(purchase.chainId(), purchase.memberId(), purchase.occurredAt(),
                    calendar.day(purchase.chainId(), purchase.occurredAt()), false));
        } else if (fact instanceof Fact.Erased erased) {
            MemberDormancy before = members.get(erased.key());
            if (before != null) {
                due.delete(dueKey(before));
                members.delete(erased.key());
            }
            forward(erased.chainId(), erased.memberId(), null);
        }
    }

    private void track(MemberDormancy member) {
        members.put(member.chainId() + ":" + member.memberId(), member);
        due.put(dueKey(member), "");
    }

    /** Publishes the members whose dormancy day has come in their chain's zone. */
    private void fallDormant() {
        Instant now = clock.instant();
        // every zone's today is at most a day after UTC's: no key past the day after tomorrow can be due
        String last = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(2).toString();
        List<String> published = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = due.range("", last)) {
            while (entries.hasNext()) {
                String entry = entries.next().key;
                MemberDormancy member = members.get(entry.substring(entry.indexOf('|') + 1));
                if (member == null) {
                    published.add(entry);
                    continue;
                }
                LocalDate today = calendar.day(member.chainId(), now);
                LocalDate since = member.since(settings.dormantAfterDays(member.chainId()));
                if (!since.isAfter(today)) {
                    // counted at the day it fell dormant, so the record does not change daily and a recomputation
                    // writes the same one
                    forward(member.chainId(), member.memberId(), new DormantMember(member.chainId(), member.memberId(),
                            member.lastPurchaseAt(), since, ChronoUnit.DAYS.between(member.lastDay(), since)));
                    members.put(entry.substring(entry.indexOf('|') + 1), member.dormant());
                    published.add(entry);
                }
            }
        }
        published.forEach(due::delete);
    }

    private String dueKey(MemberDormancy member) {
        return member.since(settings.dormantAfterDays(member.chainId())) + "|" + member.chainId() + ":"
                + member.memberId();
    }

    /** A member on the list (its record's {@code ce_id} is {@code chainId|memberId@since}), or off it: {@code null}. */
    private void forward(String chainId, String memberId, DormantMember member) {
        Fact.Dormant fact = new Fact.Dormant(chainId, memberId, member);
        long now = context.currentSystemTimeMs();
        context.forward(new Record<>(fact.key(), fact, now, member == null ? new RecordHeaders()
                : ViewHeaders.of(member, member.key() + "@" + member.since(), clock.instant(), source)));
    }
}
