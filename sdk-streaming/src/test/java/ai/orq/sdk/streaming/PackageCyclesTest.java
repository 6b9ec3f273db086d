package ai.orq.sdk.streaming;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the SDK's main code (orq-sdk-generated, orq-sdk-core and orq-sdk-streaming,
 * all on this module's test class path): no cycle between any two packages, and dependencies
 * pointing one way, generated ← core ← streaming.
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
    sdk = SdkClasses.importMain();
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
