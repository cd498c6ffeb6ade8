package org.iepservices.session.domain.medicaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;

/** A row of the configurable service-code table. */
@Entity
@Table(name = "medicaid_service_code")
public class MedicaidServiceCode extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String code;

    public String description;

    @Embeddable
    public record Key(String discipline,
                      @Enumerated(EnumType.STRING) @Column(name = "billing_format") BillingFormat billingFormat)
            implements Serializable {
    }

    public ServiceCode toCode() {
        return new ServiceCode(key.discipline(), key.billingFormat(), code, description);
    }

    public static ServiceCodeTable table() {
        List<MedicaidServiceCode> rows = listAll();
        return new ServiceCodeTable(rows.stream().map(MedicaidServiceCode::toCode).toList());
    }
}
