package io.patronage.kit.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** One MongoDB client per service, on its own database ({@code MONGODB_URI}, {@code PATRONAGE_MONGO_DATABASE}). */
@Factory
class MongoFactory {

    @Singleton
    MongoCommandCounter mongoCommandCounter() {
        return new MongoCommandCounter();
    }

    @Singleton
    @Bean(preDestroy = "close")
    MongoClient mongoClient(@Value("${mongodb.uri:`mongodb://localhost:27017`}") String uri,
                            MongoCommandCounter counter) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .addCommandListener(counter)
                .build();
        return MongoClients.create(settings);
    }

    @Singleton
    MongoDatabase mongoDatabase(MongoClient client, @Value("${patronage.mongo.database}") String database) {
        return client.getDatabase(database);
    }
}
