package io.patronage.launcher.demo;

/** A member the demo enrolled, kept in {@code <data-dir>/demo-members.json} so a restart reuses them. */
record DemoMember(String chainId, String memberId, String cardNumber, String firstName, String lastName) {

    String displayName() {
        return firstName + " " + lastName;
    }
}
