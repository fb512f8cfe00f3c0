package tech.brokerbridge.notify.internal.delivery;

import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * The Telegram buttons of one new proposal: opaque one-time tokens, each bound by the nonce book to
 * this proposal and one action. The tokens mean nothing without the desk that issued them.
 *
 * @param label e.g. {@code AAPL long}, to tell the buttons of several proposals apart
 * @param tighterStop the stop of the tighter-stop button, with its token; empty: no such button
 */
public record ProposalButtons(String proposalId, String label, String approveToken, String rejectToken,
        Optional<Tighter> tighterStop) {
    public ProposalButtons {
        Require.nonNull("proposalId", proposalId, "label", label, "approveToken", approveToken,
                "rejectToken", rejectToken, "tighterStop", tighterStop);
    }

    /** The tighter-stop button: its stop price, as shown, and its token. */
    public record Tighter(String stopText, String token) {
        public Tighter {
            Require.nonNull("stopText", stopText, "token", token);
        }
    }
}
