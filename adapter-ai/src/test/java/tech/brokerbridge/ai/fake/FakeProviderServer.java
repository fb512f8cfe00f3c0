package tech.brokerbridge.ai.fake;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer;

/**
 * A local HTTP server on 127.0.0.1 shaped like one AI provider's API ({@link ProviderApi}). It records
 * every request exactly as it arrived (method, raw path and query, every header, body) and answers
 * with the next scripted answer ({@link #then}), or else like the provider would: its own error when a
 * precondition fails, its bad-key error when the auth header does not hold exactly the expected key,
 * the model list to a key check, the test's answer ({@link #answering}; by default a valid decision) to
 * a generate request, and a 404 to anything else.
 */
public final class FakeProviderServer extends LoopbackHttpServer {
    private final ProviderApi api;
    private final String validKey;
    private final ConcurrentLinkedQueue<Canned> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile Canned badKey;
    private volatile Function<Recorded, Canned> onGenerate;

    /** Starts a server on an ephemeral loopback port that accepts {@code validKey}. */
    public FakeProviderServer(ProviderApi api, String validKey) {
        this.api = api;
        this.validKey = validKey;
        this.badKey = api.badKey();
        this.onGenerate = r -> api.ok(ProviderJson.VALID_ANSWER);
    }

    /** Generate requests with the right key get this answer. */
    public FakeProviderServer answering(Function<Recorded, Canned> answer) {
        this.onGenerate = answer;
        return this;
    }

    /** Requests without the right key get this answer instead of the provider's bad-key error. */
    public FakeProviderServer refusingKeysWith(Canned answer) {
        this.badKey = answer;
        return this;
    }

    /** The next requests get these answers, in order, whatever they ask. */
    public FakeProviderServer then(Canned... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The base URL to configure, as the provider's SDK defines it (e.g. {@code http://127.0.0.1:p/v1}). */
    public URI baseUrl() {
        return URI.create(root() + api.basePath());
    }

    public Recorded last() {
        List<Recorded> all = requests();
        return all.get(all.size() - 1);
    }

    /** The generate requests only. */
    public List<Recorded> generateRequests() {
        return requests().stream().filter(r -> api.isGenerate(r.method(), r.path())).toList();
    }

    /** Waits (bounded) until the first request arrived. */
    public boolean awaitFirstRequest(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    protected Optional<Reply> reply(Recorded r) throws InterruptedException {
        firstRequest.countDown();
        Canned answer = Optional.ofNullable(script.poll()).orElseGet(() -> answer(r));
        if (!answer.delay().isZero() && closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty(); // closed while holding the answer
        }
        return Optional.of(new Reply(answer.status(), answer.headers(), answer.body()));
    }

    private Canned answer(Recorded r) {
        Optional<Canned> refused = api.precondition(r);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!r.headers().getOrDefault(api.authHeader(), List.of()).equals(List.of(api.authValue(validKey)))) {
            return badKey;
        }
        if (api.isKeyCheck(r.method(), r.path())) {
            return Canned.of(200, api.modelList());
        }
        if (api.isGenerate(r.method(), r.path())) {
            return onGenerate.apply(r);
        }
        return ProviderJson.error(404, Map.of("error", Map.of("message", "no route " + r.path())));
    }

    @Override
    public void close() {
        closing.countDown();
        super.close();
    }
}
