package io.patronage.points.admin;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.points.balance.BalanceRebuild;

/** Operations on the service's read models: admins only, audited. */
@Controller("/admin")
@Secured(Roles.ADMIN)
class AdminController {

    private final BalanceRebuild rebuild;
    private final AuditTrail audit;

    AdminController(BalanceRebuild rebuild, AuditTrail audit) {
        this.rebuild = rebuild;
        this.audit = audit;
    }

    /** Rebuilds the balance projection from the event store in one pass, writing what differs; answers when done. */
    @Post("/rebuild")
    @ExecuteOn(TaskExecutors.BLOCKING)
    BalanceRebuild.Result rebuild(Caller caller) {
        BalanceRebuild.Result result = rebuild.rebuild();
        audit.record(caller, null, "points.rebuilt", null, result);
        return result;
    }
}
