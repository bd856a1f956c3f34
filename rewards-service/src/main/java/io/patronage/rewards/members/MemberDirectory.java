package io.patronage.rewards.members;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.directory.StoredDirectory;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The members rewards-service knows, from {@code loyalty.members.v1}: collection {@code members}, {@code _id =
 * memberId}, with the member's {@code chainId} (the most recently used kept in memory), their {@code birthday}
 * ({@code --MM-DD}, for birthday offers; absent when they gave none) and, once they left, {@code leftAt}
 * ({@code MemberOptedOut}) or {@code erasedAt} ({@code MemberErased}, which also removes the birthday). A member
 * who left or was erased gets no automatic offer any more.
 */
@Singleton
public class MemberDirectory {

    private static final String BIRTHDAY = "birthday";
    private static final String LEFT_AT = "leftAt";
    private static final String ERASED_AT = "erasedAt";

    private final MongoCollection<Document> members;
    private final StoredDirectory chains;

    MemberDirectory(MongoDatabase database, @Value("${patronage.rewards.member-cache-size:100000}") int cacheSize) {
        this.members = database.getCollection("members");
        this.chains = new StoredDirectory(members, "chainId", cacheSize);
    }

    public Optional<String> chainOf(String memberId) {
        return chains.get(memberId);
    }

    /** Whether the member is one of the chain's and still takes automatic offers (neither left nor erased). */
    public boolean takesOffers(String memberId, String chainId) {
        Document member = members.find(Filters.eq("_id", memberId)).first();
        return member != null && chainId.equals(member.getString("chainId")) && active(member);
    }

    /** The chain's members, still taking offers, whose birthday is one of {@code birthdays} (a scan of the chain). */
    public List<String> celebrating(String chainId, Collection<MonthDay> birthdays) {
        List<String> found = new ArrayList<>();
        if (birthdays.isEmpty()) {
            return found;
        }
        for (Document member : members.find(Filters.and(Filters.eq("chainId", chainId),
                Filters.in(BIRTHDAY, birthdays.stream().map(MonthDay::toString).toList())))) {
            if (active(member)) {
                found.add(member.getString("_id"));
            }
        }
        return found;
    }

    /**
     * Records enrollments in one round trip; recording one twice changes nothing. An enrollment read again after the
     * member left or was erased (a replay, a resend) changes nothing either: it would bring their birthday back.
     *
     * @return the enrollments recorded: those of members still in the program
     */
    List<MemberEnrolled> enrolled(List<MemberEnrolled> enrollments) {
        if (enrollments.isEmpty()) {
            return List.of();
        }
        Set<String> gone = new HashSet<>();
        members.find(Filters.and(Filters.in("_id", enrollments.stream().map(MemberEnrolled::memberId).distinct()
                        .toList()), Filters.or(Filters.exists(LEFT_AT), Filters.exists(ERASED_AT))))
                .projection(Projections.include("_id"))
                .forEach(member -> gone.add(member.getString("_id")));
        List<MemberEnrolled> recorded = enrollments.stream().filter(member -> !gone.contains(member.memberId()))
                .toList();
        chains.putAll(recorded.stream()
                .map(member -> {
                    Document entry = new Document("_id", member.memberId()).append("chainId", member.chainId());
                    if (member.birthday() != null) {
                        entry.append(BIRTHDAY, member.birthday().toString());
                    }
                    return entry;
                })
                .toList());
        return recorded;
    }

    /** The member left the program: no more automatic offers. */
    void optedOut(String memberId, String chainId, Instant at) {
        members.updateOne(Filters.eq("_id", memberId), Updates.combine(Updates.setOnInsert("chainId", chainId),
                Updates.set(LEFT_AT, Date.from(at))), new UpdateOptions().upsert(true));
    }

    /** The member's personal data was erased: the birthday goes, the ids stay (coupons are kept by member id). */
    void erased(String memberId, String chainId, Instant at) {
        members.updateOne(Filters.eq("_id", memberId), Updates.combine(Updates.setOnInsert("chainId", chainId),
                Updates.set(ERASED_AT, Date.from(at)), Updates.unset(BIRTHDAY)), new UpdateOptions().upsert(true));
    }

    private static boolean active(Document member) {
        return !member.containsKey(LEFT_AT) && !member.containsKey(ERASED_AT);
    }
}
