package ai.orq.sdk.streaming;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the SDK's main code (orq-sdk-generated, orq-sdk-core and
 * orq-sdk-streaming, all on this module's test class path): no cycle between any two packages,
 * and dependencies pointing one way, generated ← core ← streaming.
 */
class PackageCyclesTest {

  /** One slice per package: a cycle between a package and its subpackage counts too. */
  private static final SliceAssignment EACH_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
          return "each package of ai.orq.sdk";
        }
      };

  private static JavaClasses sdk;

  @BeforeAll
  static void importMainClasses() {
    sdk =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.orq.sdk")
            // test dependencies of this module, not part of the three jars
            .that(not(resideInAnyPackage("ai.orq.sdk.localserver..", "ai.orq.sdk.testing..")));
    assertImported("ai.orq.sdk");
    assertImported("ai.orq.sdk.model");
    assertImported("ai.orq.sdk.streaming..");
  }

  private static void assertImported(String packages) {
    assertTrue(
        sdk.stream().anyMatch(resideInAnyPackage(packages)::test),
        () -> "no main class in " + packages + " was found on the class path");
  }

  @Test
  void noPackageCycles() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(sdk);
  }

  @Test
  void generatedCodeDependsOnNoHandWrittenPackage() {
    noClasses()
        .that()
        .resideInAnyPackage("ai.orq.sdk.generated..", "ai.orq.sdk.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "ai.orq.sdk", "ai.orq.sdk.errors..", "ai.orq.sdk.internal..", "ai.orq.sdk.streaming..")
        .check(sdk);
  }

  @Test
  void coreDependsOnNoStreamingPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("ai.orq.sdk.streaming..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ai.orq.sdk.streaming..")
        .check(sdk);
  }

  @Test
  void errorsDependOnlyOnTheGeneratedModel() {
    classes()
        .that()
        .resideInAPackage("ai.orq.sdk.errors..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("ai.orq.sdk..")
                .or(
                    resideInAnyPackage(
                        "ai.orq.sdk.errors..", "ai.orq.sdk.model..", "ai.orq.sdk.generated..")))
        .check(sdk);
  }

  @Test
  void coreInternalsDependNeitherOnTheFacadeNorOnStreaming() {
    noClasses()
        .that()
        .resideInAPackage("ai.orq.sdk.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ai.orq.sdk", "ai.orq.sdk.streaming..")
        .check(sdk);
  }
}
