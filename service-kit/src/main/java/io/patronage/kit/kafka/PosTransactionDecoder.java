package io.patronage.kit.kafka;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.contracts.points.PointsLimits;
import io.patronage.contracts.retail.PointsPayment;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Decodes and validates the plain JSON records POS systems send to {@code retail.transactions.v1}.
 * Their identity is {@code chainId:transactionId}, whatever headers came with them, so a resent
 * sale is recognised as the same sale.
 * <p>
 * A record must also be plausible for its chain ({@code loyalty.chains.v1}): a known chain, the chain's
 * currency, within the chain's {@link TillLimits}, ids of a sane length, amounts no finer than the currency's
 * minor units, and a time neither ahead of the clock (beyond the chain's skew) nor before 2000. A purchase's
 * {@code pointsPayment} pays a part of its total above 0 with at least one point, and exactly what the points are
 * worth at the chain's {@code pointValue} (a chain without one takes no points at the till); whether the member
 * has the points and the program's redemption limits are points-service's to decide. Whatever fails
 * is dead-lettered with every reason, naming the field: nothing downstream ever sees an amount it could
 * overflow on or a sale dated in the year 9999.
 */
public final class PosTransactionDecoder implements MessageDecoder {

    /** Longest id, sku, category or coupon code; real ones are far shorter (a UUID is 36). */
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_COUPON_CODES = 100;
    /** Most units of one line: a pallet of screws, not an overflow of a per-unit bonus. */
    public static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);
    /** Finest quantity or unit price (per-kilo and per-litre prices have three decimals). */
    public static final int MAX_LINE_DECIMALS = 6;
    /** No till of ours predates this; an older time is a broken clock or a default value. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int SHOWN = 64;
    private static final BigDecimal MOST_POINTS = BigDecimal.valueOf(PointsLimits.BALANCE);

    private final ChainLookup chains;
    private final Clock clock;

    public PosTransactionDecoder(ChainLookup chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        RecordSize.check(record);
        PosTransaction transaction;
        try {
            transaction = Json.strictReader().readValue(record.value(), PosTransaction.class);
        } catch (InvalidFormatException e) {
            throw new PoisonMessageException("invalid value " + shown(String.valueOf(e.getValue())) + " at " + path(e)
                    + ": " + shown(e.getOriginalMessage(), 4 * SHOWN), e);
        } catch (IOException e) {
            throw new PoisonMessageException("malformed transaction JSON: " + JsonErrors.describe(e), e);
        }
        if (transaction == null) {
            throw new PoisonMessageException("transaction JSON is null");
        }
        List<String> problems = problems(transaction);
        if (problems.isEmpty()) {
            Optional<ChainConfigured> chain = chains.find(transaction.chainId());
            if (chain.isEmpty()) {
                throw new PoisonMessageException("unknown chain " + shown(transaction.chainId())
                        + ": no such chain on loyalty.chains.v1");
            }
            problems = implausibilities(transaction, chain.get(), clock.instant());
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException("invalid transaction: " + String.join("; ", problems));
        }
        String id = transaction.chainId() + ":" + transaction.transactionId();
        return new InboundMessage(id, transaction.occurredAt().toInstant(), transaction, record);
    }

    static List<String> problems(PosTransaction transaction) {
        List<String> problems = new ArrayList<>();
        required(problems, "transactionId", transaction.transactionId());
        required(problems, "chainId", transaction.chainId());
        required(problems, "storeId", transaction.storeId());
        bounded(problems, "cardNumber", transaction.cardNumber());
        bounded(problems, "originalTransactionId", transaction.originalTransactionId());
        if (transaction.type() == null) {
            problems.add("type is required (PURCHASE or RETURN)");
        }
        if (transaction.occurredAt() == null) {
            problems.add("occurredAt is required (ISO-8601 with offset)");
        }
        if (blank(transaction.currency())) {
            problems.add("currency is required (ISO 4217)");
        } else if (currency(transaction.currency()) == null) {
            problems.add("currency " + shown(transaction.currency()) + " is not an ISO 4217 code");
        }
        if (transaction.total() == null) {
            problems.add("total is required");
        } else if (transaction.total().signum() < 0) {
            problems.add("total must not be negative (a RETURN carries a positive total)");
        }
        List<TransactionLine> lines = transaction.lines() == null ? List.of() : transaction.lines();
        for (int i = 0; i < lines.size(); i++) {
            TransactionLine line = lines.get(i);
            if (line == null || line.quantity() == null || line.unitPrice() == null) {
                problems.add("lines[" + i + "] needs quantity and unitPrice");
                continue;
            }
            if (line.unitPrice().compareTo(BigDecimal.ZERO) < 0) {
                problems.add("lines[" + i + "].unitPrice must not be negative");
            }
            if (line.quantity().signum() < 0 || line.quantity().compareTo(MAX_QUANTITY) > 0) {
                problems.add("lines[" + i + "].quantity must be between 0 and " + MAX_QUANTITY.toPlainString());
            }
            decimals(problems, "lines[" + i + "].quantity", line.quantity(), MAX_LINE_DECIMALS);
            decimals(problems, "lines[" + i + "].unitPrice", line.unitPrice(), MAX_LINE_DECIMALS);
            bounded(problems, "lines[" + i + "].sku", line.sku());
            bounded(problems, "lines[" + i + "].category", line.category());
        }
        List<String> coupons = transaction.couponCodes() == null ? List.of() : transaction.couponCodes();
        if (coupons.size() > MAX_COUPON_CODES) {
            problems.add("couponCodes has " + coupons.size() + " codes, at most " + MAX_COUPON_CODES);
        } else {
            for (int i = 0; i < coupons.size(); i++) {
                bounded(problems, "couponCodes[" + i + "]", coupons.get(i));
            }
        }
        paymentProblems(problems, transaction);
        return problems;
    }

    private static void paymentProblems(List<String> problems, PosTransaction transaction) {
        PointsPayment payment = transaction.pointsPayment();
        if (payment == null) {
            return;
        }
        if (transaction.type() == TransactionType.RETURN) {
            problems.add("pointsPayment is only for a PURCHASE (a RETURN gives the points back by its"
                    + " originalTransactionId)");
        }
        if (payment.points() == null) {
            problems.add("pointsPayment.points is required");
        } else if (payment.points().signum() <= 0 || payment.points().compareTo(MOST_POINTS) > 0) {
            problems.add("pointsPayment.points must be above 0 and at most " + PointsLimits.BALANCE + ", is "
                    + shown(payment.points().toPlainString()));
        } else if (payment.points().stripTrailingZeros().scale() > PointsLimits.MAX_DECIMALS) {
            problems.add("pointsPayment.points has more than " + PointsLimits.MAX_DECIMALS + " decimals: "
                    + shown(payment.points().toPlainString()));
        }
        if (payment.amount() == null) {
            problems.add("pointsPayment.amount is required");
        } else if (payment.amount().signum() <= 0) {
            problems.add("pointsPayment.amount must be above 0");
        } else if (transaction.total() != null && payment.amount().compareTo(transaction.total()) > 0) {
            problems.add("pointsPayment.amount " + shown(payment.amount().toPlainString())
                    + " is more than the total " + shown(transaction.total().toPlainString()));
        }
    }

    /** Whether the payment's amount is exactly what its points are worth at the chain's point value. */
    private static void paymentValue(List<String> problems, PointsPayment payment, ChainConfigured chain) {
        if (chain.pointValue() == null) {
            problems.add("pointsPayment: chain " + chain.chainId() + " has no pointValue, so points cannot pay at"
                    + " its tills");
            return;
        }
        BigDecimal worth = chain.pointValue().multiply(payment.points());
        if (payment.amount().compareTo(worth) != 0) {
            problems.add("pointsPayment.amount " + shown(payment.amount().toPlainString()) + " is not what "
                    + payment.points().toPlainString() + " points are worth at the chain's pointValue of "
                    + chain.pointValue().toPlainString() + " " + chain.currency() + " (" + worth.toPlainString() + ")");
        }
    }

    /** The chain's rules, for a record whose shape is already valid. */
    static List<String> implausibilities(PosTransaction transaction, ChainConfigured chain, Instant now) {
        List<String> problems = new ArrayList<>();
        TillLimits limits = chain.tillLimits();
        if (!transaction.currency().equals(chain.currency())) {
            problems.add("currency " + transaction.currency() + " is not the chain's currency " + chain.currency());
        } else {
            int minorUnits = currency(chain.currency()).getDefaultFractionDigits();
            if (minorUnits >= 0) {
                decimals(problems, "total", transaction.total(), minorUnits);
                if (transaction.pointsPayment() != null) {
                    decimals(problems, "pointsPayment.amount", transaction.pointsPayment().amount(), minorUnits);
                }
            }
        }
        if (transaction.pointsPayment() != null) {
            paymentValue(problems, transaction.pointsPayment(), chain);
        }
        BigDecimal maxTotal = limits.maxTotalOrDefault();
        if (transaction.total().compareTo(maxTotal) > 0) {
            problems.add("total " + shown(transaction.total().toString()) + " exceeds the chain's maximum of "
                    + maxTotal.toPlainString() + " " + chain.currency());
        }
        List<TransactionLine> lines = transaction.lines() == null ? List.of() : transaction.lines();
        if (lines.size() > limits.maxLinesOrDefault()) {
            problems.add("lines has " + lines.size() + " lines, the chain allows at most " + limits.maxLinesOrDefault());
        }
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal amount = lines.get(i).quantity().multiply(lines.get(i).unitPrice());
            if (amount.compareTo(maxTotal) > 0) {
                problems.add("lines[" + i + "] amount (quantity × unitPrice) exceeds the chain's maximum total of "
                        + maxTotal.toPlainString());
            }
        }
        Instant occurredAt = transaction.occurredAt().toInstant();
        Instant latest = now.plus(limits.maxClockSkewOrDefault());
        if (occurredAt.isAfter(latest)) {
            problems.add("occurredAt " + transaction.occurredAt() + " is later than now plus the chain's clock skew of "
                    + limits.maxClockSkewOrDefault());
        }
        Instant earliest = limits.maxAge() == null || now.minus(limits.maxAge()).isBefore(EARLIEST)
                ? EARLIEST : now.minus(limits.maxAge());
        if (occurredAt.isBefore(earliest)) {
            problems.add("occurredAt " + transaction.occurredAt() + " is before " + earliest
                    + (limits.maxAge() == null ? "" : " (the chain accepts records up to " + limits.maxAge() + " old)"));
        }
        return problems;
    }

    private static void required(List<String> problems, String field, String value) {
        if (blank(value)) {
            problems.add(field + " is required");
        } else {
            bounded(problems, field, value);
        }
    }

    private static void bounded(List<String> problems, String field, String value) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            problems.add(field + " has " + value.length() + " characters, at most " + MAX_ID_LENGTH);
        }
    }

    private static void decimals(List<String> problems, String field, BigDecimal amount, int allowed) {
        int decimals = Math.max(0, amount.stripTrailingZeros().scale());
        if (decimals > allowed) {
            problems.add(field + " has " + decimals + " decimals, at most " + allowed);
        }
    }

    /** A value fit for a reason header: whatever a till sent, at most a line long. */
    static String shown(String value) {
        return shown(value, SHOWN);
    }

    private static String shown(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "…(" + value.length() + " characters)";
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String path(InvalidFormatException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> path.append(reference.getFieldName() != null
                ? (path.length() == 0 ? "" : ".") + shown(reference.getFieldName())
                : "[" + reference.getIndex() + "]"));
        return path.length() == 0 ? "the root" : path.toString();
    }
}
