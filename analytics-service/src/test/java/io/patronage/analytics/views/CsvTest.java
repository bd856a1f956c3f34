package io.patronage.analytics.views;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    record Row(String name, BigDecimal rate, Long missing) {
    }

    @Test
    void quotesWhatNeedsQuotingKeepsDecimalsAsWrittenAndLeavesNullsEmpty() {
        String csv = Csv.of(List.of(new Row("plain", new BigDecimal("100.00"), null),
                new Row("a, \"quoted\"\nname", new BigDecimal("0.50"), 7L)));

        assertEquals("name,rate,missing\r\n"
                + "plain,100.00,\r\n"
                + "\"a, \"\"quoted\"\"\nname\",0.50,7\r\n", csv);
    }
}
