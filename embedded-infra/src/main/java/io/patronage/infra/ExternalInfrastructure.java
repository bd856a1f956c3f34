package io.patronage.infra;

/** Kafka and MongoDB that someone else runs; closing it leaves them alone. */
record ExternalInfrastructure(String kafkaBootstrapServers, String mongoUri) implements Infrastructure {

    @Override
    public void close() {
    }
}
