package io.backline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A provider a clinic refers to often ("who we refer to"); each clinic has its own list. The table's key is
 * (clinic, provider); inside one clinic's session the provider alone identifies the row.
 */
@Entity
public class FavouriteProvider extends PanacheEntityBase {
    @Id
    public UUID providerId;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;
}
