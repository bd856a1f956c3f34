package io.patronage.enrollment.member;

import io.patronage.enrollment.refusal.MemberNotFoundException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Sends commands to Member aggregates; a refusal reaches the caller as a {@link MemberStateException}. */
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
            throw new MemberNotFoundException(memberId);
        }
    }
}
