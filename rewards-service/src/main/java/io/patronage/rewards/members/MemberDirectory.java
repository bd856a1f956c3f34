package io.patronage.rewards.members;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.axon.BoundedCache;
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

    private final MongoCollection<Document> members;
    private final BoundedCache chains;

    MemberDirectory(MongoDatabase database, @Value("${patronage.rewards.member-cache-size:100000}") int cacheSize) {
        this.members = database.getCollection("members");
        this.chains = new BoundedCache(cacheSize);
    }

    public Optional<String> chainOf(String memberId) {
        String chain = chains.get(memberId);
        if (chain == null) {
            Document member = members.find(Filters.eq("_id", memberId)).first();
            if (member == null) {
                return Optional.empty();
            }
            chain = member.getString("chainId");
            chains.put(memberId, chain);
        }
        return Optional.of(chain);
    }

    /** Records enrollments in one round trip; recording one twice changes nothing. */
    void enrolled(List<MemberEnrolled> enrollments) {
        if (enrollments.isEmpty()) {
            return;
        }
        members.bulkWrite(enrollments.stream()
                .map(member -> new ReplaceOneModel<>(Filters.eq("_id", member.memberId()),
                        new Document("_id", member.memberId()).append("chainId", member.chainId()),
                        new ReplaceOptions().upsert(true)))
                .toList(), new BulkWriteOptions().ordered(false));
        enrollments.forEach(member -> chains.put(member.memberId(), member.chainId()));
    }
}
