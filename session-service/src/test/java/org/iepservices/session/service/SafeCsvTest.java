package org.iepservices.session.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafeCsvTest {

    @ParameterizedTest(name = "{0} is neutralised")
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"})
    void aCellASpreadsheetWouldRunGetsALeadingApostrophe(String cell) {
        assertEquals("'" + cell, SafeCsv.cell(cell));
    }

    @Test
    void everythingElseIsLeftAlone() {
        assertEquals("Johnson", SafeCsv.cell("Johnson"));
        assertEquals("O'Neil = x", SafeCsv.cell("O'Neil = x"));
        assertEquals("", SafeCsv.cell(""));
        assertEquals(3, SafeCsv.cell(3));
        assertEquals(null, SafeCsv.cell(null));
    }
}
