package io.patronage.points.account;

import java.time.Instant;
import java.time.LocalDate;

public record PointsAccountOpened(String memberId,
                                  String chainId,
                                  String cardNumber,
                                  LocalDate birthDate,
                                  String locale,
                                  Instant enrolledAt) implements PointsAccountEvent {
}
