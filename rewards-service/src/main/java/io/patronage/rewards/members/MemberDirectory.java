package io.patronage.rewards.members;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.directory.StoredDirectory;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Which chain each enrolled member belongs to, from {@code MemberEnrolled}: collection {@code members},
 * {@code _id = memberId}, with the most recently used entries kept in memory.
 */
@Singleton
public class MemberDirectory {

    private final StoredDirectory chains;

    MemberDirectory(MongoDatabase database, @Value("${patronage.rewards.member-cache-size:100000}") int cacheSize) {
        this.chains = new StoredDirectory(database.getCollection("members"), "chainId", cacheSize);
    }

    public Optional<String> chainOf(String memberId) {
        return chains.get(memberId);
    }

    /** Records enrollments in one round trip; recording one twice changes nothing. */
    void enrolled(List<MemberEnrolled> enrollments) {
        chains.putAll(enrollments.stream()
                .map(member -> new Document("_id", member.memberId()).append("chainId", member.chainId()))
                .toList());
    }
}
