package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a client proxy send a method as a notification: no id, no response awaited. The method
 * returns {@code void} (it returns once the transport has taken the message) or {@code
 * CompletableFuture<Void>} (completing then). Transport failures are still reported; whatever the
 * server does with the call is not.
 *
 * <p>Servers ignore this annotation: a notification is the caller's choice, and an exported method
 * serves both requests and notifications.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcNotification {}
