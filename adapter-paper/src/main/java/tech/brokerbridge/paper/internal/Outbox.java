package tech.brokerbridge.paper.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;

/**
 * How a call's effects leave the exchange: first the account is saved (when it lives in an
 * {@link AccountFile}), then the call's order events go to the {@link EventDispatcher}. So nothing a
 * caller or a listener was told about can be lost, and a save that fails undoes the call. Not
 * thread-safe: used under the exchange's lock.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Optional<AccountFile> file;
    private final EventDispatcher events;
    private final List<OrderEvent> unsent = new ArrayList<>();
    private boolean changed;
    private AccountState lastSaved;

    Outbox(Optional<AccountFile> file, EventDispatcher events) {
        this.file = file;
        this.events = events;
    }

    /**
     * The account saved in the file, if any.
     *
     * @throws IllegalStateException when the file is damaged or holds an account in another currency or price seed
     */
    Optional<AccountState> load(String currency, long seed) {
        Optional<AccountState> saved = file.flatMap(AccountFile::load);
        saved.ifPresent(s -> {
            if (!s.currency().equals(currency) || s.seed() != seed) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the paper account in %s was opened in %s"
                        + " with price seed %d, but the configuration says %s with seed %d: configure the account's"
                        + " currency and seed, or choose another state directory for a new account",
                        file.get().path(), s.currency(), s.seed(), currency, seed));
            }
            lastSaved = s;
            LOG.info("paper account loaded from {}: {} brackets", file.get().path(), s.brackets().size());
        });
        return saved;
    }

    /** Saves a new account at once, so that a directory that cannot take it fails at start-up. */
    void opened(AccountState fresh) {
        file.ifPresent(f -> {
            f.save(fresh);
            lastSaved = fresh;
            LOG.info("new paper account saved in {}", f.path());
        });
    }

    /**
     * What a call's save keeps: the whole account, and its brackets that are new or changed since the
     * last save (the log's record holds those only).
     */
    record Save(AccountState state, List<AccountState.BracketState> changed) {
    }

    /** The account changed in a way the file must keep. */
    void changed() {
        changed = true;
    }

    /** An event of the current call: it changes the account and goes out once the change is saved. */
    void event(OrderEvent event) {
        unsent.add(event);
        changed = true;
    }

    /**
     * Ends a call: saves the account if it changed, then sends the call's events. When the save
     * fails, hands the last saved account to {@code restore}, drops the events and throws.
     *
     * @throws BrokerException (retryable) when the account could not be saved; the call then changed nothing
     */
    void commit(Supplier<Save> capture, Consumer<AccountState> restore) {
        if (changed && file.isPresent()) {
            Save save = capture.get();
            AccountState state = save.state();
            try {
                file.get().save(state, save.changed());
            } catch (UncheckedIOException e) {
                restore.accept(lastSaved);
                unsent.clear();
                changed = false;
                LOG.warn("paper account not saved, the call is undone: {}", e.getMessage());
                throw new BrokerException("the paper account could not be saved, so nothing changed: " + e.getMessage(),
                        true, e);
            }
            lastSaved = state;
        }
        changed = false;
        for (OrderEvent e : unsent) {
            events.publish(e);
        }
        unsent.clear();
    }

    /** Releases the file. */
    void close() {
        file.ifPresent(AccountFile::close);
    }
}
