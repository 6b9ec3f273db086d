/**
 * Spring Boot auto-configuration of the orq.ai SDK: an {@link ai.orq.sdk.OrqClient} bean from the
 * {@code orq.*} properties ({@link ai.orq.sdk.spring.OrqProperties}), changed by {@link
 * ai.orq.sdk.spring.OrqClientBuilderCustomizer} beans and closed with the application context; an
 * Actuator health indicator and the OpenTelemetry listener when those are on the classpath.
 */
@NullMarked
package ai.orq.sdk.spring;

import org.jspecify.annotations.NullMarked;
