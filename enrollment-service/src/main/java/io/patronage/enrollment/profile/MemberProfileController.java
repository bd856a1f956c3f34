package io.patronage.enrollment.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.enrollment.identifiers.CardRegistry;
import io.patronage.enrollment.identifiers.EmailRegistry;
import io.patronage.kit.http.ProblemException;

import java.util.Optional;

/** Profiles and the ops lookups: by member id, card number, email within a chain, and a paged name search. */
@Controller("/members")
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberProfileController {

    static final int MAX_PAGE_SIZE = 100;

    private final MemberProfiles profiles;
    private final CardRegistry cards;
    private final EmailRegistry emails;

    MemberProfileController(MemberProfiles profiles, CardRegistry cards, EmailRegistry emails) {
        this.profiles = profiles;
        this.cards = cards;
        this.emails = emails;
    }

    @Get("/{memberId}")
    MemberProfile profile(@PathVariable String memberId) {
        return profiles.find(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    /**
     * {@code ?cardNumber=} (two {@code _id} lookups: card registry, profile), {@code ?chainId=&email=}
     * (email registry, profile), or {@code ?chainId=&name=&page=&size=} (a scan, see {@link MemberProfiles#searchByName}).
     */
    @Get
    Object lookup(@Nullable @QueryValue String cardNumber, @Nullable @QueryValue String chainId,
                  @Nullable @QueryValue String email, @Nullable @QueryValue String name,
                  @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        if (cardNumber != null) {
            return found(cards.memberOf(cardNumber).flatMap(profiles::find));
        }
        if (chainId == null || email == null && name == null) {
            throw ProblemException.badRequest("look members up by cardNumber, by chainId and email, or by chainId and name");
        }
        if (email != null) {
            return found(emails.holder(chainId, email).flatMap(profiles::find));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE || name.isBlank()) {
            throw ProblemException.badRequest("name must not be blank, page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return profiles.searchByName(chainId, name.strip(), pageNumber, pageSize);
    }

    private static MemberLookup found(Optional<MemberProfile> member) {
        return new MemberLookup(member.stream().toList());
    }
}
