package io.backline.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkiverse.renarde.Controller;

/** The rules of docs/architecture.md, checked on the compiled classes so that a change that breaks one fails. */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.backline");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.backline.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void theWebHelpersDependOnNoFeature() {
        noClasses().that().resideInAPackage("io.backline.web..").should().dependOnClassesThat()
                .resideOutsideOfPackages("io.backline.web..", "java..", "jakarta..", "org..", "io.quarkus..",
                        "io.quarkiverse..", "io.vertx..", "io.smallrye..", "io.netty..", "com.fasterxml..")
                .check(APP);
    }

    @Test
    void controllersReachTheDatabaseOnlyThroughEntitiesServicesAndQueries() {
        noClasses().that().areAssignableTo(Controller.class).should().dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager").check(APP);
    }

    /**
     * Plain SQL lives in a feature's *Query classes and in ClinicSql, the clinic-bound helper they use (docs/adr/0030);
     * ChangeNotices only listens for notices on a connection of its own (docs/adr/0048).
     */
    @Test
    void plainSqlOnlyInQueryClasses() {
        noClasses().that().haveSimpleNameNotEndingWith("Query")
                .and().haveNameNotMatching("io\\.backline\\.clinic\\.(ClinicSql|SessionJdbc|ChangeNotices).*")
                // Reading a failure's SQL state (web/SafeLog) is not running SQL.
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("java.sql..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(java.sql.SQLException.class))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("createNativeQuery")))
                .check(APP);
    }

    @Test
    void configurationIsReadThroughTheTypedMapping() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
                .because("backline.* settings come from BacklineConfig; Quarkus's own are read by Quarkus")
                .check(APP.that(DescribedPredicate.not(simpleName("KeycloakAdminClient")
                        .or(simpleName("KeycloakAccounts")).or(simpleName("KeycloakHealth")))));
    }

    /** One constraint on a config mapping makes every start build a validator for all mappings (docs/adr/0052). */
    @Test
    void configMappingsCarryNoBeanValidation() {
        noClasses().that().resideInAPackage("io.backline.config..").should().dependOnClassesThat()
                .resideInAPackage("jakarta.validation..")
                .because("config/ProductionSecretsCheck checks the settings as the configuration is built")
                .check(APP);
    }

    /**
     * One endpoint declared to return Object makes Quarkus REST set up every @Path interface on the class path (the
     * Keycloak admin client's) as a sub-resource at each start (docs/adr/0063): endpoints return Response instead.
     */
    @Test
    void endpointsDeclareWhatTheyReturn() {
        noMethods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(DELETE.class).or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(Path.class)
                .should().haveRawReturnType(Object.class)
                .check(APP);
    }
}
