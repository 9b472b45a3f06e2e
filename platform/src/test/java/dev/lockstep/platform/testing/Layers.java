package dev.lockstep.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The package map's arrows (CONTRIBUTING.md): {@code rest} may use {@code service} and {@code domain}, never
 * the other way round, and {@code domain} uses neither {@code service} nor {@code messaging}. A service's
 * {@code LayersTest} checks its main classes with {@link #of(String)}.
 */
public final class Layers {

    private Layers() {
    }

    /** The rules for the service whose packages start with {@code base}, e.g. {@code dev.lockstep.auth}. */
    public static ArchRule of(String base) {
        ArchRule inward = noClasses().that()
                .resideInAnyPackage(base + ".service..", base + ".domain..", base + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(base + ".rest..")
                .because("REST types stay in rest: a resource maps them to what the service takes");
        ArchRule pureDomain = noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".service..", base + ".messaging..")
                .because("the domain's rules and aggregates call no use case and no channel");
        return CompositeArchRule.of(inward).and(pureDomain);
    }

    /** The main (not test) classes under {@code base}. */
    public static JavaClasses mainClasses(String base) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }
}
