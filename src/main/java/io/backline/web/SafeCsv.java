package io.backline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Backline writes CSV: every cell that a spreadsheet would read as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}, so a note a client typed
 * opens as text, never as a formula (OWASP "CSV injection").
 */
public final class SafeCsv {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SafeCsv() {
    }

    /** A printer with a header row; the caller flushes or closes it. */
    public static CSVPrinter printer(Appendable out, List<String> columns) throws IOException {
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(columns.stream().map(SafeCsv::text).toArray(String[]::new)).get());
    }

    /** One row, each cell made safe. */
    public static void printRow(CSVPrinter printer, List<?> values) throws IOException {
        List<Object> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        printer.printRecord(cells);
    }

    /** Text that would start a formula, with a quote in front; anything else (numbers, dates, null) as it is. */
    public static Object cell(Object value) {
        return value instanceof CharSequence text ? text(text.toString()) : value;
    }

    private static String text(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
