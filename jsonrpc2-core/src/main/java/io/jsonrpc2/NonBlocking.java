package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Promises that an exported method never blocks, so the service may call it on the thread that
 * handed it the message (often a transport's I/O thread) instead of hopping to its executor.
 *
 * <p>Use it for short computations; a method that waits on I/O, a lock or a sleep under this
 * annotation stalls every connection served by that thread. Methods that return a {@code
 * CompletionStage} are treated this way without the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NonBlocking {}
