package io.patronage.kit.kafka;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.kit.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Decodes and validates the plain JSON records POS systems send to {@code retail.transactions.v1}.
 * Their identity is {@code chainId:transactionId}, whatever headers came with them, so a resent
 * sale is recognised as the same sale.
 */
public final class PosTransactionDecoder implements MessageDecoder {

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        RecordSize.check(record);
        PosTransaction transaction;
        try {
            transaction = Json.strictReader().readValue(record.value(), PosTransaction.class);
        } catch (InvalidFormatException e) {
            throw new PoisonMessageException("invalid value " + e.getValue() + " at " + path(e) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PoisonMessageException("malformed transaction JSON: " + JsonErrors.describe(e), e);
        }
        if (transaction == null) {
            throw new PoisonMessageException("transaction JSON is null");
        }
        List<String> problems = problems(transaction);
        if (!problems.isEmpty()) {
            throw new PoisonMessageException("invalid transaction: " + String.join("; ", problems));
        }
        String id = transaction.chainId() + ":" + transaction.transactionId();
        return new InboundMessage(id, transaction.occurredAt().toInstant(), transaction, record);
    }

    static List<String> problems(PosTransaction transaction) {
        List<String> problems = new ArrayList<>();
        if (blank(transaction.transactionId())) {
            problems.add("transactionId is required");
        }
        if (blank(transaction.chainId())) {
            problems.add("chainId is required");
        }
        if (blank(transaction.storeId())) {
            problems.add("storeId is required");
        }
        if (transaction.type() == null) {
            problems.add("type is required (PURCHASE or RETURN)");
        }
        if (transaction.occurredAt() == null) {
            problems.add("occurredAt is required (ISO-8601 with offset)");
        }
        if (blank(transaction.currency())) {
            problems.add("currency is required (ISO 4217)");
        } else if (!isCurrency(transaction.currency())) {
            problems.add("currency " + transaction.currency() + " is not an ISO 4217 code");
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
            } else if (line.unitPrice().compareTo(BigDecimal.ZERO) < 0) {
                problems.add("lines[" + i + "].unitPrice must not be negative");
            }
        }
        return problems;
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String path(InvalidFormatException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> path.append(reference.getFieldName() != null
                ? (path.length() == 0 ? "" : ".") + reference.getFieldName()
                : "[" + reference.getIndex() + "]"));
        return path.length() == 0 ? "the root" : path.toString();
    }
}
