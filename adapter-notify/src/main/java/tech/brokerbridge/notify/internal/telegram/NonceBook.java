package tech.brokerbridge.notify.internal.telegram;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.notify.internal.delivery.ProposalButtons;
import tech.brokerbridge.ports.Require;

/**
 * The nonces behind the Telegram buttons, kept in memory by the desk that sent them: each button's
 * {@code callback_data} is an opaque random token (128 bits) that this book binds to one proposal and
 * one action until the proposal expires. A token is good once: using any button of a proposal uses all
 * of that proposal's buttons. An unknown token (replayed, from another run of the desk, or made up) and
 * an expired one grant nothing. A restart forgets every token: the buttons of messages sent before
 * grant nothing, and the proposal is decided on the desk. At most {@value #MAX_TOKENS} tokens are kept;
 * past that, the earliest-expiring go first.
 */
public final class NonceBook {
    static final int MAX_TOKENS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Grant> byToken = new HashMap<>();

    /** What a button does. */
    public enum Action {
        APPROVE, REJECT, APPROVE_TIGHTER_STOP
    }

    /**
     * What a token grants: an action on a proposal, until it expires.
     *
     * @param stop the stop of a tighter-stop approval
     * @param group every token of the same proposal's buttons
     */
    public record Grant(String proposalId, Action action, OptionalDouble stop, Instant expires, List<String> group) {
        public Grant {
            Require.nonNull("proposalId", proposalId, "action", action, "stop", stop, "expires", expires);
            group = List.copyOf(group);
        }
    }

    /**
     * New buttons for a proposal, good until {@code expires}.
     *
     * @param tighterStop the stop of the tighter-stop approval, with its text as shown; empty: no such button
     */
    public synchronized ProposalButtons issue(String proposalId, String label, Instant expires, Instant now,
            Optional<Map.Entry<Double, String>> tighterStop) {
        forgetExpired(now);
        String approve = token();
        String reject = token();
        Optional<String> tighter = tighterStop.map(t -> token());
        List<String> group = new ArrayList<>(List.of(approve, reject));
        tighter.ifPresent(group::add);
        byToken.put(approve, new Grant(proposalId, Action.APPROVE, OptionalDouble.empty(), expires, group));
        byToken.put(reject, new Grant(proposalId, Action.REJECT, OptionalDouble.empty(), expires, group));
        tighter.ifPresent(t -> byToken.put(t, new Grant(proposalId, Action.APPROVE_TIGHTER_STOP,
                OptionalDouble.of(tighterStop.get().getKey()), expires, group)));
        while (byToken.size() > MAX_TOKENS) {
            byToken.values().stream().min(java.util.Comparator.comparing(Grant::expires))
                    .ifPresent(g -> g.group().forEach(byToken::remove));
        }
        return new ProposalButtons(proposalId, label, approve, reject,
                tighter.map(t -> new ProposalButtons.Tighter(tighterStop.get().getValue(), t)));
    }

    /**
     * Uses a token: its grant when it is known and not expired at {@code now}; every token of its group
     * is then spent. Atomic: of two presses of one proposal's buttons, one gets the grant.
     */
    public synchronized Optional<Grant> use(String token, Instant now) {
        Grant g = byToken.get(token);
        if (g == null) {
            return Optional.empty();
        }
        g.group().forEach(byToken::remove);
        return now.isBefore(g.expires()) ? Optional.of(g) : Optional.empty();
    }

    /** How many tokens are kept (tests). */
    synchronized int size() {
        return byToken.size();
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Grant> it = byToken.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().expires())) {
                it.remove();
            }
        }
    }

    private static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
