package io.patronage.points.intake;

import com.mongodb.client.MongoDatabase;

/** Card directories on a test database, for tests outside this package. */
public final class CardDirectories {

    private CardDirectories() {
    }

    public static CardDirectory on(MongoDatabase database) {
        return new CardDirectory(database, 1000);
    }
}
