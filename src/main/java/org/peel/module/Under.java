package org.peel.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a module's command under one of the platform's command groups rather than at the top of {@code peel}:
 * {@code @Under("import")} on a command named {@code duty-rota} makes it {@code peel import duty-rota}. The module still
 * lists it in its {@code commands()}; the platform adds it to the group.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Under {
    /** The name of the platform's group command, e.g. {@code import}. */
    String value();
}
