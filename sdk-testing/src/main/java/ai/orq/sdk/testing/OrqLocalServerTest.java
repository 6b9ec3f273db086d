package ai.orq.sdk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a fresh {@link ai.orq.sdk.localserver.LocalOrqServer} on its own loopback port for each test
 * of the class (or one for the whole class with {@link #perClass()}), and injects it and an {@link
 * ai.orq.sdk.OrqClient} pointed at it into test, lifecycle-method and constructor parameters. Both
 * are closed when the test (or class) is done. Tests may run in parallel.
 *
 * <pre>{@code
 * @OrqLocalServerTest
 * class SupportBotTest {
 *   @Test
 *   void answers(LocalOrqServer server, OrqClient client) {
 *     server.enqueue(ScriptedResponse.text("Hello", " there"));
 *     // ... run the code under test with client ...
 *   }
 * }
 * }</pre>
 *
 * <p>To configure the server or the client, register an {@link OrqLocalServerExtension} built with
 * {@link OrqLocalServerExtension#builder()} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OrqLocalServerExtension.class)
public @interface OrqLocalServerTest {
  /** One server and client for all tests of the class, instead of a fresh pair for each test. */
  boolean perClass() default false;
}
