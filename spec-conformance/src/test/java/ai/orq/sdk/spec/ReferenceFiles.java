package ai.orq.sdk.spec;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the tests find our spec and orq.ai's reference document. */
public final class ReferenceFiles {
  private ReferenceFiles() {}

  public static Path ourSpec() {
    return Paths.get(System.getProperty("orq.spec.file", "../openapi/conversations.yaml"));
  }

  public static Path referenceDocument() {
    return Paths.get(System.getProperty("orq.reference.dir", "../../shared/reference"))
        .resolve("orq-conversations-official.yaml");
  }

  /** Why a test that needs the reference is skipped where it is absent. */
  public static String absentMessage() {
    return "skipped: the orq.ai reference document is not at "
        + referenceDocument()
        + " (it lives in ../shared/reference beside the clone; set -Dorq.reference.dir to point"
        + " elsewhere)";
  }
}
