package io.patronage.analytics.views;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Partitioned by chain, keyed by card ({@code chainId:cardNumber}) in its store: knows which member each card is,
 * and hands each stage its part of a till record — a member's purchase to the member stage, a non-member's to the
 * chain's tallies, a member's purchase or return to the customer stage, a purchase's basket and order to the basket
 * and coupon stages. A sale is classified when it reaches this stage; its card's enrollment must have been read by
 * then (Kafka Streams reads both by timestamp, so an enrollment stamped before the sale comes first).
 */
final class CardStage implements Processor<String, Fact, String, Fact> {

    static final String CARDS = "cards";

    private final ChainCalendar calendar;
    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, String> cards;

    CardStage(ChainCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.cards = context.getStateStore(CARDS);
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.CardIssued card) {
            cards.put(card.key(), card.memberId());
        } else if (record.value() instanceof Fact.CardRevoked revoked) {
            if (revoked.memberId().equals(cards.get(revoked.key()))) {
                cards.delete(revoked.key());
            }
        } else if (record.value() instanceof Fact.Till till) {
            String member = till.hasCard() ? cards.get(till.key()) : null;
            if (member != null) {
                forward(record, new Fact.MemberTill(till.chainId(), member, till.transactionId(), till.isReturn(),
                        till.occurredAt(), till.total(), till.originalTransactionId()));
            }
            if (till.isReturn()) {
                return;
            }
            forward(record, member != null
                    ? new Fact.Purchase(till.chainId(), member, till.occurredAt(), till.total())
                    : new Fact.DayChange(till.chainId(), calendar.day(till.chainId(), till.occurredAt()),
                            Tally.nonMemberPurchase(till.total(), till.occurredAt())));
            if (!till.skus().isEmpty() || !till.categories().isEmpty()) {
                forward(record, new Fact.Basket(till.chainId(), till.occurredAt(), till.skus(), till.categories()));
            }
            forward(record, new Fact.Order(till.chainId(), till.occurredAt(), till.total(), till.couponCodes()));
        }
    }

    private void forward(Record<String, Fact> record, Fact next) {
        context.forward(new Record<>(next.key(), next, record.timestamp(), new RecordHeaders()));
    }
}
