package io.patronage.enrollment.member;

import io.micronaut.http.HttpStatus;
import io.patronage.kit.http.ProblemException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Sends commands to Member aggregates and turns their refusals into problem+json answers. */
@Singleton
public class MemberCommands {

    private final CommandGateway commands;

    MemberCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(Object command, String memberId) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw ProblemException.notFound("member", memberId);
        } catch (MemberStateException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "member-state", e.getMessage());
        }
    }
}
