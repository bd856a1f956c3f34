package io.patronage.points.program;

/**
 * Where a program rounds the exact points of its rate rules: once on their sum ({@code TRANSACTION}, the
 * default) or each rule's points on their own before they are summed ({@code RULE}).
 */
public enum RoundingScope {
    TRANSACTION, RULE
}
