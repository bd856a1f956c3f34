package io.patronage.points.admin;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.points.balance.BalanceRebuild;

/** Operations on the service's read models. */
@Controller("/admin")
class AdminController {

    private final BalanceRebuild rebuild;

    AdminController(BalanceRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Rebuilds the balance projection from the event store in one pass, writing what differs; answers when done. */
    @Post("/rebuild")
    @ExecuteOn(TaskExecutors.BLOCKING)
    BalanceRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
