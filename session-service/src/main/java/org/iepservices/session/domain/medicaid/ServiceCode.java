package org.iepservices.session.domain.medicaid;

/** A billing code (CPT/HCPCS) for a discipline delivering in a format. */
public record ServiceCode(String discipline, BillingFormat billingFormat, String code, String description) {
}
