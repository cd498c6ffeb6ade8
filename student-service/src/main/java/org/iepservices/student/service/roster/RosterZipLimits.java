package org.iepservices.student.service.roster;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a roster zip may expand to, checked before anything is imported: the number of entries,
 * the total uncompressed size and the compression ratio (a zip bomb is a few kilobytes that
 * inflate to gigabytes). The sizes a zip declares can lie, so every entry is also inflated once,
 * counting, and stopped at its declared size. Too large is a 413, a suspicious shape a 422; either
 * way nothing is written.
 */
@ApplicationScoped
public class RosterZipLimits {

    /** Entries smaller than this are not judged by their ratio (a tiny, very regular file compresses well). */
    static final long RATIO_FLOOR = 1 << 20;

    /** Thrown when the zip expands beyond the configured size: answered 413. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final double maxRatio;
    private final int maxEntries;

    RosterZipLimits(@ConfigProperty(name = "roster.import.max-uncompressed-size", defaultValue = "4G") MemorySize maxBytes,
                    @ConfigProperty(name = "roster.import.max-compression-ratio", defaultValue = "100") double maxRatio,
                    @ConfigProperty(name = "roster.import.max-entries", defaultValue = "100") int maxEntries) {
        this.maxBytes = maxBytes.asLongValue();
        this.maxRatio = maxRatio;
        this.maxEntries = maxEntries;
    }

    public void check(ZipFile zip) {
        if (zip.size() > maxEntries) {
            throw rejected("The zip has " + zip.size() + " entries; a OneRoster export has a manifest and at most a "
                    + "dozen CSV files (limit " + maxEntries + "). Nothing was imported.", "entries");
        }
        long total = 0;
        long compressed = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            long size = entry.getSize() < 0 ? maxBytes + 1 : entry.getSize();
            total += size;
            compressed += Math.max(0, entry.getCompressedSize());
            if (total > maxBytes) {
                throw tooLarge();
            }
            if (size >= RATIO_FLOOR && ratio(size, entry.getCompressedSize()) > maxRatio) {
                throw rejected(entry.getName() + " inflates " + Math.round(ratio(size, entry.getCompressedSize()))
                        + " times (limit " + maxRatio + "): not a CSV export. Nothing was imported.", entry.getName());
            }
            inflate(zip, entry, size);
        }
        if (total >= RATIO_FLOOR && ratio(total, compressed) > maxRatio) {
            throw rejected("The zip inflates " + Math.round(ratio(total, compressed)) + " times (limit " + maxRatio
                    + "): not a CSV export. Nothing was imported.", "zip");
        }
    }

    private static double ratio(long size, long compressed) {
        return compressed <= 0 ? Double.POSITIVE_INFINITY : (double) size / compressed;
    }

    /** Reads the entry through, refusing it once it gives more than it declared. */
    private void inflate(ZipFile zip, ZipEntry entry, long declared) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
                if (read > declared) {
                    throw rejected(entry.getName() + " inflates to more than the " + declared
                            + " bytes the zip declares for it. Nothing was imported.", entry.getName());
                }
            }
        } catch (IOException e) {
            throw rejected(entry.getName() + " cannot be read: " + e.getMessage() + ". Nothing was imported.",
                    entry.getName());
        }
    }

    private TooLarge tooLarge() {
        return new TooLarge("The zip inflates to more than " + maxBytes + " bytes (roster.import.max-uncompressed-size)."
                + " Nothing was imported.");
    }

    private static ProblemException rejected(String detail, String field) {
        return new ProblemException(ProblemType.INVALID_ROSTER, detail, List.of(new Problem.Violation(field, detail)));
    }
}
