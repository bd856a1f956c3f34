package io.patronage.analytics.views;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * On {@code loyalty.members.v1}, before any re-keying (the topic is keyed by member, so all of a member's events are in
 * one partition): which cards each member was given (store {@value #MEMBER_CARDS}, {@code chainId:memberId}), so that
 * an erasure can revoke them in the card stage. Every fact passes on unchanged, keyed by its chain as every fact the
 * intake forwards.
 */
final class MemberCards implements Processor<String, Fact, String, Fact> {

    static final String MEMBER_CARDS = "member-cards";

    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, String[]> cards;

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.cards = context.getStateStore(MEMBER_CARDS);
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.CardIssued card) {
            String member = card.chainId() + ":" + card.memberId();
            Set<String> held = new LinkedHashSet<>(Arrays.asList(orNone(cards.get(member))));
            held.add(card.cardNumber());
            cards.put(member, held.toArray(String[]::new));
        } else if (record.value() instanceof Fact.Erased erased) {
            for (String card : orNone(cards.get(erased.key()))) {
                Fact revoked = new Fact.CardRevoked(erased.chainId(), card, erased.memberId());
                context.forward(new Record<>(revoked.chainId(), revoked, record.timestamp(), new RecordHeaders()));
            }
            cards.delete(erased.key());
        }
        context.forward(record);
    }

    private static String[] orNone(String[] held) {
        return held == null ? new String[0] : held;
    }
}
