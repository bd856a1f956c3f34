package io.patronage.enrollment.profile;

import io.patronage.enrollment.refusal.MemberNotFoundException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import jakarta.inject.Singleton;

/**
 * Who may see and act on a member: the member themself (a {@code member} token whose subject is the member id) or
 * ops of the member's chain. Anyone else is answered exactly as for an unknown member, so that no one learns which
 * member ids exist.
 */
@Singleton
public class MemberAccess {

    private final MemberProfiles profiles;

    MemberAccess(MemberProfiles profiles) {
        this.profiles = profiles;
    }

    /** The member's profile, or the unknown member's 404 for a caller who may not see it. */
    public MemberProfile require(Caller caller, String memberId) {
        return profiles.find(memberId).filter(member -> maySee(caller, member))
                .orElseThrow(() -> new MemberNotFoundException(memberId));
    }

    public static boolean maySee(Caller caller, MemberProfile member) {
        return caller.maySeeMember(member.memberId(), member.chainId(), Roles.OPS);
    }
}
