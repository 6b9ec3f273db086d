/**
 * The exceptions of the SDK, all unchecked and rooted at {@link ai.orq.sdk.errors.OrqException}.
 *
 * <p>{@link ai.orq.sdk.errors.OrqServiceException} and its status-named subclasses report an HTTP
 * error status; {@link ai.orq.sdk.errors.OrqIoException} a network failure, a timeout or a cancel;
 * {@link ai.orq.sdk.errors.InvalidResponseException} a success status with a body that is not the
 * expected JSON.
 */
package ai.orq.sdk.errors;
