package tech.brokerbridge.ports.desk;

import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * What every action on a trade may carry: the user's reason (journaled and in the approvals CSV) and
 * an idempotency key. A request repeated with a key already used gets the first request's action back
 * and nothing is sent again, also after a restart. Without a key, an action is idempotent by what it
 * asks for where that is well defined (closing a whole position, cancelling, moving a leg to the level
 * it has) and new each time where it is not (a partial close).
 */
public record ActionOptions(Optional<String> reason, Optional<String> idempotencyKey) {
    /** The longest idempotency key accepted. */
    public static final int MAX_KEY_LENGTH = 200;

    public ActionOptions {
        Require.nonNull("reason", reason, "idempotencyKey", idempotencyKey);
    }

    public static ActionOptions none() {
        return new ActionOptions(Optional.empty(), Optional.empty());
    }
}
