package io.stockbridge.platform.rest;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/**
 * Subscribes to the method's {@code Uni} at once, on the request's context, and hands the caller a {@code Uni}
 * whose cancellation reaches only that hand-over, never the work itself.
 */
@CompletesDespiteDisconnect
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class CompletesDespiteDisconnectInterceptor {

  @AroundInvoke
  Object shield(InvocationContext context) throws Exception {
    Object result = context.proceed();
    return result instanceof Uni<?> work ? shield(work) : result;
  }

  static <T> Uni<T> shield(Uni<T> work) {
    CompletableFuture<T> outcome = new CompletableFuture<>();
    work.subscribe().with(outcome::complete, outcome::completeExceptionally);
    return Uni.createFrom().completionStage(outcome);
  }
}
