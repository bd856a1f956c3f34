package io.patronage.points.earning;

/**
 * An award ({@link AwardPoints}) that names another chain than the member's: nothing is credited. An engagement
 * record saying so is dead-lettered with this message.
 */
public class AwardOfAnotherChainException extends IllegalArgumentException {

    public AwardOfAnotherChainException(String memberId, String memberChainId, AwardPoints award) {
        super("award " + award.awardId() + " of chain " + award.chainId() + " names member " + memberId
                + " of chain " + memberChainId + ": nothing awarded");
    }
}
