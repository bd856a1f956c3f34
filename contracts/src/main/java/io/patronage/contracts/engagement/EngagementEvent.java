package io.patronage.contracts.engagement;

import java.time.OffsetDateTime;

/**
 * What the chains' apps send to {@code retail.engagement.v1}: a plain JSON value like POS records,
 * identified by {@code (chainId, engagementId)}.
 *
 * @param type  {@code SURVEY_COMPLETED}, {@code REVIEW} or {@code SOCIAL_SHARE}
 * @param score a survey's answer to "how likely are you to recommend us?", 0 (not at all) to 10 (extremely);
 *              {@code null} for other types
 */
public record EngagementEvent(String engagementId,
                              String chainId,
                              String memberId,
                              String type,
                              Integer score,
                              OffsetDateTime occurredAt) {
}
