package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as a formula are written as text (OWASP CSV injection). Plain JUnit. */
class SafeCsvTest {

    @Test
    void everyFormulaStartGetsAQuote() {
        for (String text : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + text, SafeCsv.cell(text));
        }
    }

    @Test
    void otherValuesStayAsTheyAre() {
        assertEquals("Tight at the top", SafeCsv.cell("Tight at the top"));
        assertEquals("", SafeCsv.cell(""));
        assertEquals(null, SafeCsv.cell(null));
        assertEquals(-3, SafeCsv.cell(-3));
        assertEquals(LocalDate.of(2026, 1, 2), SafeCsv.cell(LocalDate.of(2026, 1, 2)));
    }

    @Test
    void thePrinterWritesSafeRowsUnderItsHeader() throws IOException {
        StringWriter out = new StringWriter();
        CSVPrinter printer = SafeCsv.printer(out, List.of("note", "discomfort"));
        SafeCsv.printRow(printer, Arrays.asList("=HYPERLINK(\"http://attacker.example\",\"open\")", 2));
        printer.flush();
        assertEquals("note,discomfort\r\n\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"open\"\")\",2\r\n", out.toString());
    }
}
