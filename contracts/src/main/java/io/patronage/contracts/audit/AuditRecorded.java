package io.patronage.contracts.audit;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An ops or admin action, as the service that performed it recorded it: who (the token's subject and roles), on
 * which chain ({@code null} for a platform-wide action such as a rebuild of every chain), when, what and on what.
 *
 * @param action  what was done, {@code <thing>.<verb>}: {@code points.adjusted}, {@code program.version-added},
 *                {@code reward.updated}, {@code member.erased}, {@code chain.updated}, {@code points.rebuilt}, ...
 * @param target  what it was done to: a member id, a reward id, a chain id
 * @param details what changed, as the action defines it (no personal data beyond ids)
 */
public record AuditRecorded(String auditId,
                            String chainId,
                            String actor,
                            List<String> actorRoles,
                            String service,
                            String action,
                            String target,
                            Map<String, Object> details,
                            Instant at) implements IntegrationEvent {

    public static final String PLATFORM = "platform";

    @Override
    public String key() {
        return chainId == null ? PLATFORM : chainId;
    }
}
