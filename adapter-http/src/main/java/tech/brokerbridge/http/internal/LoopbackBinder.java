package tech.brokerbridge.http.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.HttpServerStartException;

/**
 * Binds 127.0.0.1 and, when the machine has it, ::1 on the same port. Never a wildcard address. With
 * port 0 the kernel picks the port on 127.0.0.1 and ::1 gets the same one (retried a few times if
 * that port is taken on ::1).
 */
final class LoopbackBinder {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackBinder.class);
    private static final int EPHEMERAL_TRIES = 5;

    private LoopbackBinder() {
    }

    record Result(int port, List<Channel> channels) {
    }

    static boolean ipv6LoopbackAvailable() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isLoopback() || !ni.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet6Address && a.isLoopbackAddress()) {
                        return true;
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("cannot list network interfaces: {}", e.toString());
        }
        return false;
    }

    static Result bind(ServerBootstrap b, int port, boolean withIpv6) {
        int tries = port == 0 ? EPHEMERAL_TRIES : 1;
        HttpServerStartException last = null;
        for (int i = 0; i < tries; i++) {
            Channel v4 = bindOne(b, address("127.0.0.1", port));
            int bound = ((InetSocketAddress) v4.localAddress()).getPort();
            if (!withIpv6) {
                return new Result(bound, List.of(v4));
            }
            try {
                Channel v6 = bindOne(b, address("::1", bound));
                return new Result(bound, List.of(v4, v6));
            } catch (HttpServerStartException e) {
                if (!e.addressInUse()) {
                    // listed but refused (e.g. IPv6 disabled by sysctl): serve on IPv4 only
                    LOG.info("IPv6 loopback cannot be bound ({}); serving on 127.0.0.1 only", e.getMessage());
                    return new Result(bound, List.of(v4));
                }
                v4.close().awaitUninterruptibly();
                last = e;
            }
        }
        throw last;
    }

    private static Channel bindOne(ServerBootstrap b, InetSocketAddress address) {
        ChannelFuture f = b.bind(address).awaitUninterruptibly();
        if (f.isSuccess()) {
            return f.channel();
        }
        Throwable cause = f.cause();
        boolean inUse = cause instanceof BindException
                && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("in use");
        String what = inUse ? "port " + address.getPort() + " is already in use on " + hostOf(address)
                : "cannot bind " + hostOf(address) + ":" + address.getPort() + ": " + cause.getMessage();
        throw new HttpServerStartException(what, inUse, cause);
    }

    private static String hostOf(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address ? "[::1]" : a.getAddress().getHostAddress();
    }

    private static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + literal, e);
        }
    }
}
