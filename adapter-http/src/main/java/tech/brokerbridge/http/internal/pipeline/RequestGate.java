package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * A middleware step that lets a complete request through or refuses it with an error answer. A plain
 * object, not a pipeline handler: {@link GateChain} runs the gates in order as method calls on the event
 * loop (one handler instead of one per gate: each handler costs every request a hop through the pipeline).
 * Gates are shared by every connection and hold no per-request state.
 */
abstract class RequestGate {

    /**
     * Called on the event loop for each complete request, in the chain's order, until one refuses.
     *
     * @param rc the request in flight (never null for a request that reached the aggregator's output)
     * @return null to let the request through, else the refusal to answer
     */
    abstract ApiException check(FullHttpRequest request, RequestContext rc, Channel channel);

    /** Whether a new connection may be served at all (checked once, when it becomes active). */
    boolean admits(Channel channel) {
        return true;
    }
}
