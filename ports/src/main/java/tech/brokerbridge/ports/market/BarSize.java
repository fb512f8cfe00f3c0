package tech.brokerbridge.ports.market;

/** Bar sizes the desk asks for. Daily bars are what the scan uses. */
public enum BarSize {
    ONE_DAY
}
