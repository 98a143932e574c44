package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a client proxy send a method's arguments as named params (a JSON object) instead of
 * positional ones (an array, the default). On an interface it applies to all its methods.
 *
 * <p>A parameter's name is its {@link JsonRpcParam} value, or else its compiled name (compile with
 * {@code -parameters}; the proxy refuses an interface whose names it cannot read). A null argument
 * for a parameter marked {@code @JsonRpcParam(optional = true)}, and an empty {@code Optional}, are
 * left out. Servers accept either form, so this annotation only matters to proxies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface JsonRpcNamedParams {}
