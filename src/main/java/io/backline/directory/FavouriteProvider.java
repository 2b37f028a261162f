package io.backline.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/**
 * A provider a clinic refers to often ("who we refer to"); each clinic has its own list. The table's key is
 * (clinic, provider); inside one clinic's session the provider alone identifies the row.
 */
@Entity
public class FavouriteProvider extends ClinicOwned {
    @Id
    public UUID providerId;
}
