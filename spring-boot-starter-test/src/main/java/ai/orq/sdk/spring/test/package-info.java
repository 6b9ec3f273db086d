/**
 * Testing Spring Boot applications that use orq-spring-boot-starter: {@link
 * ai.orq.sdk.spring.test.AutoConfigureOrqLocalServer}.
 */
@NullMarked
package ai.orq.sdk.spring.test;

import org.jspecify.annotations.NullMarked;
