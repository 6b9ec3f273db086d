package ai.orq.sdk.streaming;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main classes of orq-sdk-generated, orq-sdk-core and orq-sdk-streaming, as found on this
 * module's test class path, for the ArchUnit tests.
 */
final class SdkClasses {
  private SdkClasses() {}

  static JavaClasses importMain() {
    JavaClasses sdk =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.orq.sdk")
            // test dependencies of this module, not part of the three jars
            .that(not(resideInAnyPackage("ai.orq.sdk.localserver..", "ai.orq.sdk.testing..")));
    for (String packages :
        new String[] {"ai.orq.sdk", "ai.orq.sdk.model", "ai.orq.sdk.streaming.."}) {
      assertTrue(
          sdk.stream().anyMatch(resideInAnyPackage(packages)::test),
          () -> "no main class in " + packages + " was found on the class path");
    }
    return sdk;
  }
}
