package io.backline.clinic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * The one place that tells Hibernate which clinic's rows a session may see and write ({@code @TenantId clinic_id}).
 * Without a clinic, the session sees the rows of a tenant that cannot exist, that is none.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ClinicTenantResolver implements TenantResolver {
    /** Not a valid organization alias, so no clinic row ever carries it. */
    static final String NO_CLINIC = "-";

    private final CurrentClinic currentClinic;

    @Inject
    public ClinicTenantResolver(CurrentClinic currentClinic) {
        this.currentClinic = currentClinic;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_CLINIC;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return NO_CLINIC;
        }
        return currentClinic.id().orElse(NO_CLINIC);
    }
}
