package io.beliefnet.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's layering, checked on the compiled classes of every module: the belief model is
 * plain Java, agents need no Flink, the job does not reach into the command line, and no two
 * packages depend on each other.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProjectClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.beliefnet");
  }

  @Test
  void modelIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("io.beliefnet.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.flink..", "org.apache.kafka..", "org.apache.avro..", "io.beliefnet.avro..")
        .check(classes);
  }

  @Test
  void agentsNeedNoFlink() {
    noClasses()
        .that()
        .resideInAPackage("io.beliefnet.sdk..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.flink..", "io.beliefnet.pipeline..")
        .check(classes);
  }

  @Test
  void jobDoesNotReachIntoTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("io.beliefnet.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.beliefnet.cli..", "io.beliefnet.dashboard..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.beliefnet.(**)").should().beFreeOfCycles().check(classes);
  }
}
