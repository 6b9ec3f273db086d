/**
 * The orq.ai Java SDK: start with {@link ai.orq.sdk.OrqClient}.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}. The request and response models are
 * the generated classes of {@code ai.orq.sdk.model}; the types here add the client, calls, options,
 * paging, and the {@code Unknown*} members that keep union variants this SDK version does not know.
 */
package ai.orq.sdk;
