package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a namespace in front of the remote names of an interface's (or class's) methods:
 * {@code @JsonRpcNamespace("calc")} makes {@code add} the remote method {@code calc.add}.
 *
 * <p>Both sides honour it, so one interface describes a remote API once: a client proxy ({@code
 * client.proxy(Calculator.class)}) calls {@code calc.add}, and a service given an implementation
 * ({@code JsonRpcService.builder().handler(new CalculatorImpl())}) exports {@code calc.add}. On the
 * server each exported method takes the namespace of the type whose {@link JsonRpcMethod}
 * annotation it carries, or else of the handler's class. A namespace given explicitly ({@code
 * handler("v2", impl)}, {@code proxy(Calculator.class, "v2")}) replaces it; an empty one means
 * none.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRpcNamespace {
  /** The namespace, without the dot. */
  String value();
}
