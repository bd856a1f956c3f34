package io.patronage.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

final class RecordSize {

    /** No legitimate message of ours comes near this; a larger one is refused before parsing. */
    static final int MAX_BYTES = 256 * 1024;

    private RecordSize() {
    }

    static void check(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonMessageException("empty record value");
        }
        if (record.value().length > MAX_BYTES) {
            throw new PoisonMessageException("record value of " + record.value().length
                    + " bytes exceeds the limit of " + MAX_BYTES + " bytes");
        }
    }
}
