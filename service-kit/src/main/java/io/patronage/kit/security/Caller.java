package io.patronage.kit.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.patronage.kit.http.ProblemException;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who calls, from a verified token: its subject, its roles and the chains it acts for ({@code *}: every chain).
 * A controller method declares a {@code Caller} parameter and asks it before acting. {@code admin} does not imply
 * the other roles: a token carries each role it needs.
 * <p>
 * A {@link Principal}, which it is, so that micronaut-openapi leaves it out of every service's OpenAPI document
 * (it documents no parameter of a principal type): it comes from the token, not from the request's parameters.
 */
public record Caller(String subject, Set<String> roles, Set<String> chains) implements Principal {

    public static final String EVERY_CHAIN = "*";

    public Caller {
        roles = Set.copyOf(roles);
        chains = Set.copyOf(chains);
    }

    static Caller of(Authentication authentication, String chainsClaim) {
        return new Caller(authentication.getName(), Set.copyOf(authentication.getRoles()),
                strings(authentication.getAttributes().get(chainsClaim)));
    }

    /** The token's subject. */
    @Override
    public String getName() {
        return subject;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Holds one of {@code anyOf} and acts for the chain. */
    public boolean actsFor(String chainId, String... anyOf) {
        return chainId != null && Arrays.stream(anyOf).anyMatch(roles::contains)
                && (chains.contains(chainId) || chains.contains(EVERY_CHAIN));
    }

    /** Unless {@link #actsFor}: a 403 problem naming what was missing. */
    public void requireChain(String chainId, String... anyOf) {
        if (!actsFor(chainId, anyOf)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "this token does not allow "
                    + String.join(" or ", anyOf) + " access to chain " + shown(chainId));
        }
    }

    /** Unless {@link #has} one of them: a 403 problem. */
    public void requireRole(String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
                    "this call needs a token with the role " + String.join(" or ", anyOf));
        }
    }

    /** The member themself. */
    public boolean isMember(String memberId) {
        return has(Roles.MEMBER) && subject.equals(memberId);
    }

    /**
     * The member themself, or a holder of one of {@code anyOf} for the member's chain. A service answers a caller
     * who may not exactly as it answers an unknown member, so that no one learns which member ids exist.
     */
    public boolean maySeeMember(String memberId, String memberChainId, String... anyOf) {
        return isMember(memberId) || actsFor(memberChainId, anyOf);
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new TreeSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String single) {
            values.addAll(List.of(single.split("[ ,]+")));
        }
        values.remove("");
        return values;
    }

    private static String shown(String chainId) {
        return chainId == null ? "(none given)" : chainId.length() > 64 ? chainId.substring(0, 64) + "…" : chainId;
    }
}
