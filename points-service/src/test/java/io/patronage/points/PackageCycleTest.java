package io.patronage.points;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The service's packages (one per capability, plus the ledger, the intake and the read models) depend in one direction. */
@AnalyzeClasses(packages = "io.patronage.points", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCycleTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.patronage.points.(*)..").should().beFreeOfCycles();
}
