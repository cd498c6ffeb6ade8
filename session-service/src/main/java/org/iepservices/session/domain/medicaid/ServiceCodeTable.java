package org.iepservices.session.domain.medicaid;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One district's service codes, looked up by therapy and billing format, or by code. */
public record ServiceCodeTable(List<ServiceCode> codes) {

    public ServiceCodeTable {
        codes = List.copyOf(codes);
    }

    public Optional<ServiceCode> find(String discipline, BillingFormat format) {
        if (discipline == null) {
            return Optional.empty();
        }
        String wanted = discipline.toUpperCase(Locale.ROOT);
        return codes.stream().filter(c -> c.discipline().equals(wanted) && c.billingFormat() == format).findFirst();
    }

    public Optional<ServiceCode> code(String discipline, String code) {
        if (discipline == null || code == null) {
            return Optional.empty();
        }
        String wanted = discipline.toUpperCase(Locale.ROOT);
        return codes.stream().filter(c -> c.discipline().equals(wanted) && c.code().equals(code)).findFirst();
    }
}
