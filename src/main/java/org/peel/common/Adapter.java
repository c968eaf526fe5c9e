package org.peel.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of a capability that works a framework on the capability's behalf — runs a database transaction
 * around its rules, reads settings from tables, renders a template — and decides nothing itself.
 *
 * <p>Inside a capability package every class is a pure rule or domain type, free of Javalin, JDBI and JTE, unless it
 * is an adapter: named as one ({@code …Routes} for HTTP, {@code …Store} for SQL, {@code …Module} for wiring,
 * {@code …Command} for the command line, {@code …Import} and {@code …Pass} for bulk work over the database) or, where
 * no such name fits, marked with this annotation. {@code DependencyRulesTest} holds every other class to it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Adapter {
}
