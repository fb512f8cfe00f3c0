package tech.brokerbridge.archfixtures.pkgcyc.http;

/** Planted violation: a root class that is not the factory reaches into internal... */
public class ServerSettings {
    tech.brokerbridge.archfixtures.pkgcyc.http.internal.Binder binder;
}
