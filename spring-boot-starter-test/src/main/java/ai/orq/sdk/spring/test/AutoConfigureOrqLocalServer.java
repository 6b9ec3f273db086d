package ai.orq.sdk.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points the auto-configured {@link ai.orq.sdk.OrqClient} of a {@code @SpringBootTest} (or any
 * Spring test context) at a {@link ai.orq.sdk.localserver.LocalOrqServer}: one server is started
 * for the test's application context, its base URL and API key become {@code orq.base-url} and
 * {@code orq.api-key} (ahead of every other source), and it is a bean, to script replies or read
 * the requests received. The server is closed with the context.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureOrqLocalServer
 * class SupportChatTest {
 *   @Autowired LocalOrqServer server;
 *   @Autowired SupportChat chat;
 *   // ...
 * }
 * }</pre>
 *
 * <p>Spring caches application contexts across test classes: classes whose context is otherwise the
 * same share one server, and so its stored conversations and unread scripted replies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LocalServerContextCustomizerFactory.class)
public @interface AutoConfigureOrqLocalServer {}
