package io.patronage.points.redemption;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * How a redemption request was answered: the event, its id and time, so the answer can be repeated as it was.
 * The answer names its kind so that the account's snapshot can be read back (events themselves stay untyped).
 */
public record AnsweredRequest(String eventId, Instant answeredAt,
                              @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
                              @JsonSubTypes({@JsonSubTypes.Type(value = PointsRedeemed.class, name = "REDEEMED"),
                                      @JsonSubTypes.Type(value = PointsRedemptionRejected.class, name = "REJECTED")})
                              RedemptionAnswer answer) {
}
