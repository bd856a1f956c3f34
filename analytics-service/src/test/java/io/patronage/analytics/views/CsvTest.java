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

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String csv = Csv.of(List.of(new Row("=HYPERLINK(\"http://evil\",\"x\")", new BigDecimal("-1.50"), null),
                new Row("@SUM(1+1)", BigDecimal.ONE, null), new Row("+1", BigDecimal.ONE, null),
                new Row("-2", BigDecimal.ONE, null), new Row("\tx", BigDecimal.ONE, null)));

        assertEquals("name,rate,missing\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-1.50,\r\n"
                + "'@SUM(1+1),1,\r\n"
                + "'+1,1,\r\n"
                + "'-2,1,\r\n"
                + "'\tx,1,\r\n", csv, "a negative number stays a number");
    }
}
