package io.patronage.analytics.views;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Partitioned by chain, keyed by card ({@code chainId:cardNumber}) in its store: knows which member each card is,
 * and turns a sale with a card into a member's purchase or a non-member's. A sale is classified when it reaches
 * this stage; its card's enrollment must have been read by then (Kafka Streams reads both by timestamp, so an
 * enrollment stamped before the sale comes first).
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
        } else if (record.value() instanceof Fact.CardSale sale) {
            String member = cards.get(sale.key());
            Fact next = member != null
                    ? new Fact.Purchase(sale.chainId(), member, sale.occurredAt(), sale.total())
                    : new Fact.Counted(sale.chainId(), ChainCalendar.everyPeriodOf(
                            calendar.day(sale.chainId(), sale.occurredAt()),
                            Tally.nonMemberPurchase(sale.total(), sale.occurredAt())), java.util.List.of());
            context.forward(new Record<>(next.key(), next, record.timestamp(), new RecordHeaders()));
        } else if (record.value() instanceof Fact.CardTill till) {
            String member = cards.get(till.key());
            if (member != null) {
                Fact next = new Fact.MemberTill(till.chainId(), member, till.transactionId(), till.isReturn(),
                        till.occurredAt(), till.total(), till.originalTransactionId());
                context.forward(new Record<>(next.key(), next, record.timestamp(), new RecordHeaders()));
            }
        }
    }
}
