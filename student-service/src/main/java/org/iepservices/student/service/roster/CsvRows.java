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
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final MappingIterator<List<String>> rows;
    private long record;

    CsvRows(InputStream in) throws IOException {
        InputStream stream = new BufferedInputStream(in);
        skipBom(stream);
        this.rows = MAPPER.readerForListOf(String.class)
                .readValues(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNextValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            record++;
            return rows.nextValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line of the last record returned, counting the header as line 1 (one line per record). */
    long line() {
        return record;
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
