package org.iepservices.student.service.roster;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CsvRowsTest {

    @Test
    void readsQuotedMultiLineFieldsBomAndCrlfAndReportsTheLineEachRecordStartsOn() throws Exception {
        String csv = "\uFEFFsourcedId,title\r\na,\"Room 12, north\"\r\n\r\nb,\"two\r\nlines\"\r\nc,last";
        List<String> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows reader = new CsvRows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                rows.add(reader.next());
                lines.add(Long.toString(reader.line()));
            }
        }
        assertEquals(List.of("sourcedId", "title"), rows.get(0), "BOM stripped from the first header");
        assertEquals(List.of("a", "Room 12, north"), rows.get(1));
        assertEquals(List.of("b", "two\r\nlines"), rows.get(2));
        assertEquals(List.of("c", "last"), rows.get(3), "no final newline");
        assertEquals(List.of("1", "2", "4", "6"), lines);
    }
}
