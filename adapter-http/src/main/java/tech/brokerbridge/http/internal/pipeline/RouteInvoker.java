package tech.brokerbridge.http.internal.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.internal.limit.RepeatedWarnings;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Route;
import tech.brokerbridge.ports.PortException;
import tech.brokerbridge.ports.secrets.VaultDamagedException;

/**
 * Runs a route and turns every failure into an answer: {@link ApiException} as it says, a retryable
 * {@link PortException} 503, anything else 500. The client never sees a stack trace; the log has it
 * with the request id (a retryable port failure — a broker or provider that is down — logs one line,
 * its stack trace only at debug). Port warnings repeat with every request while a port is down, so each
 * is logged at most once a minute, then counted.
 */
final class RouteInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInvoker.class);
    private static final RepeatedWarnings WARNINGS = RepeatedWarnings.of(LOG);

    private RouteInvoker() {
    }

    static ApiResponse invoke(Route route, ApiRequest request) {
        String id = request.context().requestId();
        try {
            return route.handler().handle(request);
        } catch (ApiException e) {
            return ApiResponse.error(e, id);
        } catch (VaultDamagedException e) {
            // the file and the way out, for the user to act on; a retry cannot help
            WARNINGS.warn("request {} {} {}: {}", id, request.context().method(), request.context().path(),
                    e.getMessage());
            return ApiResponse.error(new ApiException(500, "vault_damaged", e.getMessage()), id);
        } catch (PortException e) {
            if (e.retryable()) {
                // expected while a broker or provider is down: one line, the stack trace only at debug
                WARNINGS.warn("request {} {} {}: a port is unavailable: {}", id, request.context().method(),
                        request.context().path(), e.getMessage());
                LOG.debug("request {}: the port's failure", id, e);
            } else {
                WARNINGS.warn("request {} {} {}: a port failed", id, request.context().method(), request.context().path(), e);
            }
            ApiException answer = e.retryable()
                    ? ApiException.unavailable("a backing service is unavailable for now; retry shortly")
                    : ApiException.internal();
            return ApiResponse.error(answer, id);
        } catch (Exception e) { // top-level translation: the client gets a 500, the log gets the cause
            LOG.error("request {} {} {} failed", id, request.context().method(), request.context().path(), e);
            return ApiResponse.error(ApiException.internal(), id);
        }
    }
}
