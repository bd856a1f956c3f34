package io.patronage.analytics.views;

import io.patronage.analytics.streams.JsonSerde;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Partitioned by chain, keyed by card ({@code chainId:cardNumber}) in its store: knows which member each card is,
 * and hands each stage its part of a till record — a member's purchase to the member stage, a non-member's to the
 * chain's tallies, a member's purchase or return to the customer stage, a purchase's basket and order to the basket
 * and coupon stages.
 * <p>
 * A till record whose card no member holds <em>yet</em> is counted as a non-member's and kept (store
 * {@value #UNMATCHED}); when the card is issued, it becomes the member's: taken back from the non-members' tallies
 * and handed to the member and customer stages, as points-service parks such a record until the card is filed. The
 * order of an enrollment and a sale on the by-chain topic is not the order they happened in: the intake's tasks (one
 * per input partition) write to it independently, so a member who enrolls and buys at once — and any member when
 * the views are recomputed from offset 0 — can have their sale arrive first. Either order gives the same views.
 */
final class CardStage implements Processor<String, Fact, String, Fact> {

    static final String CARDS = "cards";
    /** Till records of cards not issued when they arrived: {@code chainId:cardNumber␟transactionId}. */
    static final String UNMATCHED = "unmatched-tills";
    static final String[] STORE_NAMES = {CARDS, UNMATCHED};
    static final List<StoreBuilder<?>> STORES = List.of(
            ViewsTopology.store(CARDS, Serdes.String()),
            ViewsTopology.store(UNMATCHED, JsonSerde.of(Fact.Till.class)));
    private static final String SEP = "\u001f";

    private final ChainCalendar calendar;
    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, String> cards;
    private KeyValueStore<String, Fact.Till> unmatched;

    CardStage(ChainCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.cards = context.getStateStore(CARDS);
        this.unmatched = context.getStateStore(UNMATCHED);
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.CardIssued card) {
            cards.put(card.key(), card.memberId());
            for (Fact.Till till : takeUnmatched(card.key())) {
                if (!till.isReturn()) {
                    forward(record, new Fact.DayChange(till.chainId(), calendar.day(till.chainId(), till.occurredAt()),
                            Tally.nonMemberPurchaseTakenBack(till.total(), till.occurredAt())));
                }
                forwardMemberParts(record, till, card.memberId());
            }
        } else if (record.value() instanceof Fact.CardRevoked revoked) {
            if (revoked.memberId().equals(cards.get(revoked.key()))) {
                cards.delete(revoked.key());
            }
            takeUnmatched(revoked.key());
        } else if (record.value() instanceof Fact.Till till) {
            String member = till.hasCard() ? cards.get(till.key()) : null;
            if (member != null) {
                forwardMemberParts(record, till, member);
            } else if (till.hasCard()) {
                unmatched.put(till.key() + SEP + till.transactionId(), new Fact.Till(till.chainId(), till.cardNumber(),
                        till.transactionId(), till.isReturn(), till.occurredAt(), till.total(),
                        till.originalTransactionId(), null, null, null));
            }
            if (till.isReturn()) {
                return;
            }
            if (member == null) {
                forward(record, new Fact.DayChange(till.chainId(), calendar.day(till.chainId(), till.occurredAt()),
                        Tally.nonMemberPurchase(till.total(), till.occurredAt())));
            }
            if (!till.skus().isEmpty() || !till.categories().isEmpty()) {
                forward(record, new Fact.Basket(till.chainId(), till.occurredAt(), till.skus(), till.categories()));
            }
            forward(record, new Fact.Order(till.chainId(), till.occurredAt(), till.total(), till.couponCodes()));
        }
    }

    /** The customer stage's record of the purchase or return and, for a purchase, the member stage's. */
    private void forwardMemberParts(Record<String, Fact> record, Fact.Till till, String member) {
        forward(record, new Fact.MemberTill(till.chainId(), member, till.transactionId(), till.isReturn(),
                till.occurredAt(), till.total(), till.originalTransactionId()));
        if (!till.isReturn()) {
            forward(record, new Fact.Purchase(till.chainId(), member, till.occurredAt(), till.total()));
        }
    }

    /** The card's unmatched till records, removed, in the order they happened (a purchase before its return). */
    private List<Fact.Till> takeUnmatched(String cardKey) {
        List<String> keys = new ArrayList<>();
        List<Fact.Till> tills = new ArrayList<>();
        try (KeyValueIterator<String, Fact.Till> parked = unmatched.prefixScan(cardKey + SEP,
                Serdes.String().serializer())) {
            parked.forEachRemaining(entry -> {
                keys.add(entry.key);
                tills.add(entry.value);
            });
        }
        keys.forEach(unmatched::delete);
        tills.sort(Comparator.comparing(Fact.Till::occurredAt));
        return tills;
    }

    private void forward(Record<String, Fact> record, Fact next) {
        context.forward(new Record<>(next.key(), next, record.timestamp(), new RecordHeaders()));
    }
}
