package io.patronage.kit.http;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.scheduling.executor.ThreadSelection;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Refuses to start a service with an endpoint of ours that would run on the HTTP event loop. Our endpoints read
 * MongoDB, send Axon commands and publish to Kafka, all blocking; one of them on the event loop stalls every other
 * connection of that loop (a fuzz run saw an unauthenticated request wait 60 s behind one). Each endpoint is
 * {@code @ExecuteOn(TaskExecutors.BLOCKING)} or says it is {@link NonBlocking}.
 */
@Singleton
class EventLoopGuard implements ApplicationEventListener<StartupEvent>, Ordered {

    private final Router router;

    EventLoopGuard(Router router) {
        this.router = router;
    }

    /** Before anything else starts (Kafka listeners, jobs), so that a refused service leaves nothing running. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<String> onTheLoop = router.uriRoutes()
                .filter(route -> runsOnTheEventLoop(route))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .distinct()
                .toList();
        if (!onTheLoop.isEmpty()) {
            throw new IllegalStateException("endpoints that would block the HTTP event loop (annotate them "
                    + "@ExecuteOn(TaskExecutors.BLOCKING) or @NonBlocking): " + onTheLoop);
        }
    }

    private static boolean runsOnTheEventLoop(RouteInfo<?> route) {
        return route.getDeclaringType().getName().startsWith("io.patronage.")
                && !route.isAsyncOrReactive()
                && !route.getAnnotationMetadata().hasAnnotation(NonBlocking.class)
                && route.getExecutor(ThreadSelection.MANUAL) == null;
    }
}
