package org.iepservices.session.domain.medicaid;

/** A reason a line is not billed, with a message naming the particulars (which code, which discipline). */
public record NotBillable(NotBillableReason reason, String message) {

    public static NotBillable of(NotBillableReason reason) {
        return new NotBillable(reason, reason.message());
    }
}
