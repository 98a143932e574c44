package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exports a public method of a handler object as a JSON-RPC method.
 *
 * <p>The exported name is {@link #value()}, or the Java method's name when that is empty; a
 * namespace given at registration (or by {@link JsonRpcNamespace}) is put in front with a dot
 * ({@code main.echo}). Methods without this annotation are not exported. The annotation may sit on
 * an interface method that the handler implements.
 *
 * <p>The same annotation names the remote method on a client proxy interface ({@code
 * JsonRpcClient.proxy}); there an unannotated method is called by its Java name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcMethod {
  /** The exported name; empty means the Java method's own name. */
  String value() default "";
}
