package io.patronage.rewards.redemption;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** Runs side effects that must not happen for a change that is rolled back. */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
