package io.patronage.analytics.participation;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a consumed record sits in Kafka. */
record LogPosition(String topic, int partition, long offset) {

    static LogPosition of(ConsumerRecord<?, ?> record) {
        return new LogPosition(record.topic(), record.partition(), record.offset());
    }

    String partitionId() {
        return topic + "#" + partition;
    }
}
