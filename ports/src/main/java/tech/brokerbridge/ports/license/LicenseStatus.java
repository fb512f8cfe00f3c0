package tech.brokerbridge.ports.license;

import tech.brokerbridge.ports.WireName;

/** The license states the desk can be in. */
public enum LicenseStatus implements WireName {
    /** No license key yet: 14 days from the first start, paper trading only. */
    EVALUATION,
    /** Paid subscription bound to this installation. */
    LICENSED,
    /** The license provider cannot be reached; the last licensed answer is honoured for a while. */
    GRACE,
    /** Not usable; the reason says why and what to do. */
    INVALID;
}
