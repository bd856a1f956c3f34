package io.patronage.enrollment.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.patronage.enrollment.member.CardReplaced;
import io.patronage.enrollment.member.Consents;
import io.patronage.enrollment.member.ConsentsChanged;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.ContactDetailsChanged;
import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.enrollment.member.MemberErased;
import io.patronage.enrollment.member.MemberOptedOut;
import io.patronage.enrollment.member.MemberStatus;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.member.PostalAddress;
import io.patronage.enrollment.member.ReferralRegistered;
import io.patronage.enrollment.privacy.PersonalDataVault;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

/**
 * The member profile read model: one document per member in {@code members}, {@code _id} = member id.
 * Written by a subscribing processor in the command's unit of work, so a profile can be read as soon as
 * the request has answered. It holds personal data in clear (opened from the sealed events while the
 * member's key exists); erasure blanks it, and a replay after erasure cannot restore it because the
 * sealed values no longer open. Upserts and field updates by id, so a replay rebuilds the same documents.
 */
@Singleton
@ProcessingGroup("member-profiles")
public class MemberProfiles {

    private final MongoCollection<Document> profiles;
    private final PersonalDataVault vault;

    MemberProfiles(MongoDatabase database, PersonalDataVault vault) {
        this.profiles = database.getCollection("members");
        this.vault = vault;
    }

    @EventHandler
    void on(MemberEnrolled event) {
        Document profile = new Document("_id", event.memberId())
                .append("chainId", event.chainId())
                .append("cardNumber", event.cardNumber())
                .append("referralCode", event.referralCode())
                .append("status", MemberStatus.ACTIVE.name())
                .append("consents", toDocument(event.consents()))
                .append("enrolledAt", Date.from(event.enrolledAt()));
        vault.open(event.memberId(), event.personalData(), PersonalData.class).ifPresent(person -> {
            profile.append("firstName", person.firstName())
                    .append("lastName", person.lastName())
                    .append("searchName", searchable(person.firstName() + " " + person.lastName()))
                    .append("birthDate", person.birthDate() == null ? null : person.birthDate().toString())
                    .append("locale", person.locale());
            profile.putAll(contactFields(person.contact()));
        });
        profiles.replaceOne(eq("_id", event.memberId()), profile, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ReferralRegistered event) {
        update(event.memberId(), Updates.set("referredBy", event.referrerMemberId()));
    }

    @EventHandler
    void on(ContactDetailsChanged event) {
        vault.open(event.memberId(), event.contact(), ContactDetails.class).ifPresent(contact ->
                update(event.memberId(), Updates.combine(contactFields(contact).entrySet().stream()
                        .map(field -> Updates.set(field.getKey(), field.getValue())).toList())));
    }

    @EventHandler
    void on(ConsentsChanged event) {
        update(event.memberId(), Updates.set("consents", toDocument(event.consents())));
    }

    @EventHandler
    void on(CardReplaced event) {
        update(event.memberId(), Updates.set("cardNumber", event.newCardNumber()));
    }

    @EventHandler
    void on(MemberOptedOut event) {
        update(event.memberId(), Updates.combine(Updates.set("status", MemberStatus.OPTED_OUT.name()),
                Updates.set("optedOutAt", Date.from(event.optedOutAt()))));
    }

    @EventHandler
    void on(MemberErased event) {
        update(event.memberId(), Updates.combine(Updates.set("status", MemberStatus.ERASED.name()),
                Updates.set("erasedAt", Date.from(event.erasedAt())),
                Updates.unset("firstName"), Updates.unset("lastName"), Updates.unset("searchName"),
                Updates.unset("email"), Updates.unset("phone"), Updates.unset("address"),
                Updates.unset("birthDate"), Updates.unset("locale")));
    }

    public Optional<MemberProfile> find(String memberId) {
        return Optional.ofNullable(profiles.find(eq("_id", memberId)).first()).map(MemberProfiles::toProfile);
    }

    /** Whether the id belongs to an enrolled member who is not erased: such a member keeps their email address. */
    public boolean isLiveMember(String memberId) {
        return find(memberId).filter(profile -> profile.status() != MemberStatus.ERASED).isPresent();
    }

    /**
     * Members of a chain whose name contains {@code name} (any case), by name. Not indexed on the embedded
     * store: it scans the collection, which is fine for an ops screen and not for a hot path.
     */
    public MemberPage searchByName(String chainId, String name, int page, int size) {
        Bson filter = and(eq("chainId", chainId), regex("searchName", Pattern.quote(searchable(name))));
        long total = profiles.countDocuments(filter);
        List<MemberProfile> members = profiles.find(filter).sort(Sorts.ascending("searchName", "_id"))
                .skip(page * size).limit(size).map(MemberProfiles::toProfile).into(new ArrayList<>());
        return new MemberPage(members, page, size, total);
    }

    private void update(String memberId, Bson update) {
        profiles.updateOne(eq("_id", memberId), update);
    }

    private static String searchable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> contactFields(ContactDetails contact) {
        PostalAddress address = contact.address();
        Document addressDocument = address == null ? null : new Document("street", address.street())
                .append("postalCode", address.postalCode()).append("city", address.city())
                .append("country", address.country());
        return new Document("email", contact.email()).append("phone", contact.phone()).append("address", addressDocument);
    }

    private static Document toDocument(Consents consents) {
        return new Document("marketingEmail", consents.marketingEmail())
                .append("marketingEmailChangedAt", date(consents.marketingEmailChangedAt()))
                .append("marketingSms", consents.marketingSms())
                .append("marketingSmsChangedAt", date(consents.marketingSmsChangedAt()))
                .append("termsAcceptedAt", date(consents.termsAcceptedAt()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static MemberProfile toProfile(Document profile) {
        String birthDate = profile.getString("birthDate");
        Document address = profile.get("address", Document.class);
        Document consents = profile.get("consents", Document.class);
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
                instant(profile, "enrolledAt"),
                address == null ? null : new PostalAddress(address.getString("street"), address.getString("postalCode"),
                        address.getString("city"), address.getString("country")),
                new Consents(consents.getBoolean("marketingEmail"), instant(consents, "marketingEmailChangedAt"),
                        consents.getBoolean("marketingSms"), instant(consents, "marketingSmsChangedAt"),
                        instant(consents, "termsAcceptedAt")),
                profile.getString("referredBy"),
                instant(profile, "optedOutAt"),
                instant(profile, "erasedAt"));
    }
}
