package io.backline.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every clinic-owned entity shares: the clinic it belongs to, as Hibernate's tenant discriminator. Hibernate sets
 * it from {@link ClinicTenantResolver} on insert and adds it to every query, so another clinic's row is never found.
 */
@MappedSuperclass
public abstract class ClinicOwned extends PanacheEntityBase {
    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;
}
