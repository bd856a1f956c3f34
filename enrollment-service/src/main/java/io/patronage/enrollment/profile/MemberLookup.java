package io.patronage.enrollment.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The members a lookup found: at most one for a card number. The list is present even when empty. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberLookup(List<MemberProfile> members) {
}
