package io.jsonrpc2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a parameter for named params and says whether it may be left out.
 *
 * <p>Without it a parameter is named as compiled ({@code -parameters}) and is required unless its
 * type is {@code Optional}. A parameter that may be left out and is missing gets {@code null} (or
 * zero, or false, for a primitive).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface JsonRpcParam {
  /** The parameter's name in named params; empty means the compiled name. */
  String value() default "";

  /** Whether the parameter may be left out. */
  boolean optional() default false;
}
