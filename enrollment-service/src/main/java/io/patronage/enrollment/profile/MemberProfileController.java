package io.patronage.enrollment.profile;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.enrollment.identifiers.CardRegistry;
import io.patronage.kit.http.ProblemException;

import java.util.Optional;

@Controller("/members")
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberProfileController {

    private final MemberProfiles profiles;
    private final CardRegistry cards;

    MemberProfileController(MemberProfiles profiles, CardRegistry cards) {
        this.profiles = profiles;
        this.cards = cards;
    }

    @Get("/{memberId}")
    MemberProfile profile(@PathVariable String memberId) {
        return profiles.find(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    /** Who holds a card: two {@code _id} lookups, the card registry then the profile. */
    @Get
    MemberLookup byCard(@QueryValue String cardNumber) {
        Optional<MemberProfile> member = cards.memberOf(cardNumber).flatMap(profiles::find);
        return new MemberLookup(member.stream().toList());
    }
}
