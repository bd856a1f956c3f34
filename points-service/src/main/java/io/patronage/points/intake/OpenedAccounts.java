package io.patronage.points.intake;

import io.patronage.points.balance.ExistingAccounts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members whose points account is open, in memory (loaded once at startup from the balance read model, which
 * the opening writes in its own unit of work), so enrolling a new member does not first look for its events, and
 * a redelivered enrollment costs nothing. A member whose opening failed here is {@linkplain #uncertain uncertain}:
 * its events may be stored all the same.
 */
@Singleton
class OpenedAccounts {

    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();

    @Inject
    OpenedAccounts(ExistingAccounts accounts) {
        this(accounts.memberIds());
    }

    OpenedAccounts(Set<String> alreadyOpen) {
        opened.addAll(alreadyOpen);
    }

    boolean isOpen(String memberId) {
        return opened.contains(memberId);
    }

    /** Records an attempt to open the account; {@code true} when an earlier one may have stored its opening. */
    boolean uncertain(String memberId) {
        return !attempted.add(memberId);
    }

    void opened(String memberId) {
        opened.add(memberId);
        attempted.remove(memberId);
    }
}
