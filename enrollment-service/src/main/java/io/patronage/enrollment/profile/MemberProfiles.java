package io.patronage.enrollment.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.enrollment.member.PersonalData;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The member profile read model: one document per member in {@code members}, {@code _id} = member id,
 * so every read is an {@code _id} lookup. Written by a subscribing processor in the enrolling command's
 * unit of work, so a profile can be read as soon as {@code POST /members} has answered. Upserts by id,
 * so replaying the events rebuilds the same documents.
 */
@Singleton
@ProcessingGroup("member-profiles")
public class MemberProfiles {

    private final MongoCollection<Document> profiles;

    MemberProfiles(MongoDatabase database) {
        this.profiles = database.getCollection("members");
    }

    @EventHandler
    void on(MemberEnrolled event) {
        PersonalData person = event.personalData();
        Document profile = new Document("_id", event.memberId())
                .append("chainId", event.chainId())
                .append("cardNumber", event.cardNumber())
                .append("referralCode", event.referralCode())
                .append("firstName", person.firstName())
                .append("lastName", person.lastName())
                .append("email", person.contact().email())
                .append("phone", person.contact().phone())
                .append("birthDate", person.birthDate() == null ? null : person.birthDate().toString())
                .append("locale", person.locale())
                .append("status", MemberStatus.ACTIVE.name())
                .append("enrolledAt", Date.from(event.enrolledAt()));
        profiles.replaceOne(eq("_id", event.memberId()), profile, new ReplaceOptions().upsert(true));
    }

    public Optional<MemberProfile> find(String memberId) {
        return Optional.ofNullable(profiles.find(eq("_id", memberId)).first()).map(MemberProfiles::toProfile);
    }

    private static MemberProfile toProfile(Document profile) {
        String birthDate = profile.getString("birthDate");
        return new MemberProfile(profile.getString("_id"),
                profile.getString("chainId"),
                profile.getString("cardNumber"),
                profile.getString("referralCode"),
                profile.getString("firstName"),
                profile.getString("lastName"),
                profile.getString("email"),
                profile.getString("phone"),
                birthDate == null ? null : LocalDate.parse(birthDate),
                profile.getString("locale"),
                MemberStatus.valueOf(profile.getString("status")),
                profile.getDate("enrolledAt").toInstant());
    }
}
