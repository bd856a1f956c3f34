package io.patronage.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class PackageCycleTest {

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.patronage.bench");

        slices().matching("io.patronage.bench.(*)..").should().beFreeOfCycles().check(classes);
    }
}
