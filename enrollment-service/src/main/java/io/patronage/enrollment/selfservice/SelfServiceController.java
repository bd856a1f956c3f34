package io.patronage.enrollment.selfservice;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.enrollment.profile.MemberProfile;

@Controller("/members/{memberId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class SelfServiceController {

    private final SelfService selfService;
    private final MemberExport export;

    SelfServiceController(SelfService selfService, MemberExport export) {
        this.selfService = selfService;
        this.export = export;
    }

    @Put("/contact")
    MemberProfile changeContact(@PathVariable String memberId, @Body ContactRequest request) {
        return selfService.changeContact(memberId, request);
    }

    @Put("/consents")
    MemberProfile changeConsents(@PathVariable String memberId, @Body ConsentsRequest request) {
        return selfService.changeConsents(memberId, request);
    }

    @Post("/card-replacement")
    MemberProfile replaceCard(@PathVariable String memberId) {
        return selfService.replaceCard(memberId);
    }

    @Post("/opt-out")
    MemberProfile optOut(@PathVariable String memberId) {
        return selfService.optOut(memberId);
    }

    @Get("/export")
    MemberExport.Export export(@PathVariable String memberId) {
        return export.export(memberId);
    }

    @Delete
    HttpResponse<Void> erase(@PathVariable String memberId) {
        selfService.erase(memberId);
        return HttpResponse.noContent();
    }
}
