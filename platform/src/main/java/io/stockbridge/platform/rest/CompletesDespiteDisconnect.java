package io.stockbridge.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a REST resource whose methods return a {@code Uni} that works with the database: the work runs to its
 * end (commit or rollback) even when the client hangs up mid-request, instead of being cancelled halfway.
 * <p>
 * Why: cancelling a Hibernate Reactive transaction mid-flight leaves its connection checked out of the pool for
 * good (quarkusio/quarkus#51576, hibernate/hibernate-reactive#2926, open at Quarkus 3.30); a load balancer timing
 * out or a client closing its socket would slowly starve the service. A finished write is also what an
 * idempotent retry expects to find.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CompletesDespiteDisconnect {
}
