package ai.orq.sdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application that asks orq.ai one question and prints the reply as it streams in. It
 * has no configuration code for the SDK: orq-spring-boot-starter creates the {@code OrqClient} from
 * {@code application.yaml} and {@code ORQ_API_KEY}, and closes it on shutdown.
 *
 * <p>Run it with {@code ORQ_API_KEY} set (and {@code ORQ_PROJECT_ID}, {@code ORQ_MODEL} if you
 * like); against the local server, set {@code ORQ_BASE_URL} to its address and {@code ORQ_API_KEY}
 * to its key.
 */
@SpringBootApplication
public class SupportChatApplication {
  public static void main(String[] args) {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(SupportChatApplication.class, args)) {
      context.getBean(SupportChat.class).ask("Suggest three things to do in Lisbon", System.out);
    }
  }
}
