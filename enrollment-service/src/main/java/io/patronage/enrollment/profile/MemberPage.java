package io.patronage.enrollment.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One page of a name search. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberPage(List<MemberProfile> members, int page, int size, long total) {
}
