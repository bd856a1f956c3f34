package io.patronage.analytics.participation;

/** A member's card in a chain; the directory and its Mongo documents are keyed by {@code chainId:cardNumber}. */
record MemberCard(String chainId, String cardNumber, String memberId) {

    static String key(String chainId, String cardNumber) {
        return chainId + ":" + cardNumber;
    }

    String key() {
        return key(chainId, cardNumber);
    }
}
