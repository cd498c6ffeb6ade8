package org.iepservices.reporting.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** No exported cell starts a spreadsheet formula. */
class CsvCellsTest {

    @Test
    void textStartingLikeAFormulaGetsAQuoteNumbersStayNumbers() {
        for (String risky : List.of("=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + risky, CsvCells.text(risky));
        }
        assertEquals("annual review", CsvCells.text("annual review"));
        assertEquals("a=b", CsvCells.text("a=b"));
        assertEquals("", CsvCells.cell(null));
        assertEquals(-5, CsvCells.cell(-5));
        assertEquals("'-5", CsvCells.cell("-5"));
        assertTrue(Csv.write(List.of("=h"), List.of(List.of("=x"))).startsWith("'=h\r\n'=x"));
    }
}
