package tech.brokerbridge.paper;

/**
 * What a saved paper account holds, in counts: enough to tell whether the desk has traded on it.
 *
 * @param brackets how many bracket orders the account ever accepted
 * @param openPositions how many symbols it holds a position in now
 */
public record SavedPaperAccount(int brackets, int openPositions) {
    /** True when the account has accepted an order or holds a position: it is no longer a fresh account. */
    public boolean hasHistory() {
        return brackets > 0 || openPositions > 0;
    }
}
