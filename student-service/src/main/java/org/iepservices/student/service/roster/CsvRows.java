package org.iepservices.student.service.roster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the records of one CSV file (RFC 4180 quoting, CRLF or LF, UTF-8 with or without BOM),
 * one at a time, so a file of a million users never sits in memory.
 */
final class CsvRows implements Iterator<List<String>>, AutoCloseable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private final MappingIterator<List<String>> rows;
    private long line;

    CsvRows(InputStream in) throws IOException {
        InputStream stream = new BufferedInputStream(in);
        skipBom(stream);
        this.rows = MAPPER.readerForListOf(String.class)
                .readValues(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    private List<String> peeked;

    /** Blank lines are skipped here rather than by the parser, which would lose count of lines. */
    @Override
    public boolean hasNext() {
        try {
            while (peeked == null && rows.hasNextValue()) {
                List<String> row = rows.nextValue();
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    peeked = row;
                }
            }
            return peeked != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> row = peeked;
        peeked = null;
        // The parser's current token is the record's last field, so the record starts that many
        // lines earlier as the fields before it span (a quoted field may hold line breaks).
        long newlines = row.subList(0, Math.max(0, row.size() - 1)).stream()
                .mapToLong(field -> field.chars().filter(c -> c == '\n').count()).sum();
        line = rows.getParser().currentTokenLocation().getLineNr() - newlines;
        return row;
    }

    /** The line on which the last record returned starts (the header is line 1). */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }
}
