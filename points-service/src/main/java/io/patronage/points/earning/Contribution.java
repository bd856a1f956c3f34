package io.patronage.points.earning;

/** The whole points one rule contributed to a transaction, e.g. {@code base}, {@code category:wine}, {@code cap}. */
public record Contribution(String rule, long points) {
}
