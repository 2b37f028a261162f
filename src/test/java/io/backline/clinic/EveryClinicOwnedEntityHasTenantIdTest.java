package io.backline.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Tenancy lives in one place: every entity except the shared ones carries the clinic discriminator. */
@QuarkusTest
class EveryClinicOwnedEntityHasTenantIdTest {
    /**
     * Not clinic-owned: the clinic itself, the provider directory (shared and private entries, see Directory), postal
     * codes, the operator's loads of the shared directory and the changes providers make to their own listings.
     */
    private static final Set<Class<?>> SHARED = Set.of(Clinic.class, io.backline.directory.Provider.class,
            io.backline.directory.PostalCodeCentroid.class, io.backline.directory.SharedDirectoryLoad.class,
            io.backline.directory.ListingChange.class);

    @Inject
    EntityManager entityManager;

    @Test
    void theSharedSuperclassCarriesTheTenantIdOnClinicId() {
        assertEquals(1, Arrays.stream(ClinicOwned.class.getDeclaredFields())
                .filter(EveryClinicOwnedEntityHasTenantIdTest::isClinicTenantId).count());
    }

    @Test
    void everyClinicOwnedEntityHasATenantIdOnClinicId() {
        List<String> missing = entityManager.getMetamodel().getEntities().stream()
                .map(entity -> entity.getJavaType())
                .filter(type -> !SHARED.contains(type))
                .filter(type -> !ClinicOwned.class.isAssignableFrom(type))
                .map(Class::getSimpleName)
                .toList();
        assertEquals(List.of(), missing);
    }

    private static boolean isClinicTenantId(Field field) {
        var column = field.getAnnotation(jakarta.persistence.Column.class);
        return field.isAnnotationPresent(TenantId.class) && column != null && column.name().equals("clinic_id");
    }
}
