package io.patronage.kit.security;

/** The roles a token's {@code roles} claim may carry. */
public final class Roles {

    /** A member; the token's subject is their member id. */
    public static final String MEMBER = "member";
    /** A till, or a chain's sign-up channel (web shop, kiosk), per chain. */
    public static final String POS = "pos";
    /** A chain's operations staff, per chain: members, points, programs, the reward catalog. */
    public static final String OPS = "ops";
    /** A chain's data team, per chain: analytics views only. */
    public static final String ANALYST = "analyst";
    /** The platform's administrators: chains, rebuilds, the clock, every chain's audit log. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
