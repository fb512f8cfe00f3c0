package tech.brokerbridge.archfixtures.pkgcyc.http.internal;

/** ...while internal reads it: http → http.internal → http. */
public class Binder {
    tech.brokerbridge.archfixtures.pkgcyc.http.ServerSettings settings;
}
