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
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Optional;

/**
 * Profiles and the ops lookups: by member id, card number, email within a chain, and a paged name search. A profile
 * is for the member themself and ops of the member's chain (anyone else: the unknown member's 404); lookups are for
 * ops of the chain.
 */
@Controller("/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
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
    MemberProfile profile(Caller caller, @PathVariable String memberId) {
        return profiles.find(memberId).filter(member -> MemberAccess.maySee(caller, member))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    /**
     * {@code ?cardNumber=} (two {@code _id} lookups: card registry, profile), {@code ?chainId=&email=}
     * (email registry, profile), or {@code ?chainId=&name=&page=&size=} (a scan, see {@link MemberProfiles#searchByName}).
     * Ops of the chain only: by card, a card of a chain the caller does not act for finds nobody, as an unknown card.
     */
    @Get
    Object lookup(Caller caller, @Nullable @QueryValue String cardNumber, @Nullable @QueryValue String chainId,
                  @Nullable @QueryValue String email, @Nullable @QueryValue String name,
                  @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        caller.requireRole(Roles.OPS);
        if (cardNumber != null) {
            return found(cards.memberOf(cardNumber).flatMap(profiles::find)
                    .filter(member -> caller.actsFor(member.chainId(), Roles.OPS)));
        }
        if (chainId == null || email == null && name == null) {
            throw ProblemException.badRequest("look members up by cardNumber, by chainId and email, or by chainId and name");
        }
        caller.requireChain(chainId, Roles.OPS);
        if (email != null) {
            return found(emails.holder(chainId, email).flatMap(profiles::find));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE || name.isBlank()) {
            throw ProblemException.badRequest("name must not be blank, page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            // No enrolled name has one, and MongoDB refuses a NUL in the search's regular expression.
            throw ProblemException.badRequest("name must not contain control characters");
        }
        return profiles.searchByName(chainId, name.strip(), pageNumber, pageSize);
    }

    private static MemberLookup found(Optional<MemberProfile> member) {
        return new MemberLookup(member.stream().toList());
    }
}
