package tech.brokerbridge.ai.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * An advisor backed by a provider's HTTP API. Per decision: read the key from the vault (so a newly
 * saved key works at once), send the fixed system prompt and the request as JSON, check the answer;
 * if it breaks the contract (or is cut off, refused, blocked), re-ask once with the error, then give
 * up with {@code ai_invalid_response}. Thread-safe; blocks for at most the calls' timeouts, their
 * retries and the waits between them.
 */
public final class HttpAdvisor implements AdvisorHandle {
    private static final Logger LOG = LoggerFactory.getLogger(HttpAdvisor.class);
    private final String provider;
    private final String model;
    private final SecretStore secrets;
    private final ProviderCaller caller;
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(false, "no call yet", Optional.empty()));

    private record Status(boolean connected, String message, Optional<AdvisorException.Kind> failure) {
    }

    HttpAdvisor(ProviderProtocol protocol, URI base, String model, Duration timeout, int maxRetries,
            SecretStore secrets, Clock clock, Sleeper sleeper) {
        this.provider = protocol.provider();
        this.model = Objects.requireNonNull(model, "model");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.caller = new ProviderCaller(protocol, base, model, timeout, maxRetries, clock, sleeper);
    }

    /** The vault entry holding a provider's key, e.g. {@code claude.api_key}. */
    public static String keyName(String provider) {
        return provider + ".api_key";
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public boolean connected() {
        return status.get().connected();
    }

    @Override
    public String statusMessage() {
        return status.get().message();
    }

    @Override
    public Optional<AdvisorException.Kind> lastFailure() {
        return status.get().failure();
    }

    @Override
    public Advice decide(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            Advice advice = decide(request, key());
            status.set(new Status(true, "last call ok", Optional.empty()));
            LOG.debug("{} {} decided {} for {}", provider, model, advice.verdict().wire(), request.symbol());
            return advice;
        } catch (AdvisorException e) {
            boolean reached = e.kind() == AdvisorException.Kind.INVALID_RESPONSE;
            status.set(new Status(reached, e.getMessage(), Optional.of(e.kind())));
            LOG.warn("{} {} gave no decision for {}: {} ({})", provider, model, request.symbol(), e.kind().code(),
                    e.getMessage());
            throw e;
        }
    }

    private Advice decide(DecisionRequest request, String key) {
        List<AiExchange> log = new ArrayList<>();
        List<Message> conversation = new ArrayList<>(List.of(Message.user(DecisionJson.write(request))));
        Reply first = caller.call(conversation, key, log);
        AnswerParser.Parsed parsed = judge(first, request);
        if (parsed instanceof AnswerParser.Valid valid) {
            return valid.toAdvice(log);
        }
        String reason = ((AnswerParser.Invalid) parsed).reason();
        if (!first.text().isBlank()) {
            conversation.add(Message.assistant(first.text().strip()));
        }
        conversation.add(Message.user(repairPrompt(reason)));
        Reply second = caller.call(conversation, key, log);
        AnswerParser.Parsed again = judge(second, request);
        if (again instanceof AnswerParser.Valid valid) {
            return valid.toAdvice(log);
        }
        throw new AdvisorException(AdvisorException.Kind.INVALID_RESPONSE,
                "invalid answer after one repair attempt: " + ((AnswerParser.Invalid) again).reason(), log, null);
    }

    private static AnswerParser.Parsed judge(Reply reply, DecisionRequest request) {
        if (reply.problem().isPresent()) {
            return new AnswerParser.Invalid(reply.problem().get());
        }
        return AnswerParser.parse(reply.text(), request);
    }

    static String repairPrompt(String reason) {
        return "Your previous answer could not be used: " + reason + ". Answer again with exactly one JSON object "
                + "with the fields decision, conviction, thesis_summary, entry_price, stop_price and target_price "
                + "as described, and nothing else.";
    }

    private String key() {
        Optional<Secret> key;
        try {
            key = secrets.get(keyName(provider));
        } catch (SecretStoreException e) {
            if (e.undecryptable()) {
                throw new AdvisorException(AdvisorException.Kind.UNAUTHORIZED, e.getMessage(), List.of(), e);
            }
            throw new AdvisorException(AdvisorException.Kind.UNREACHABLE,
                    "the secret store did not answer: " + e.getMessage(), List.of(), e);
        }
        if (key.isEmpty() || key.get().isEmpty()) {
            throw new AdvisorException(AdvisorException.Kind.UNAUTHORIZED, "no API key saved for " + provider,
                    List.of(), null);
        }
        return key.get().reveal();
    }
}
