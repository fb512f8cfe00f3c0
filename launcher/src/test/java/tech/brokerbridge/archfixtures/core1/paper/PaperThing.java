package tech.brokerbridge.archfixtures.core1.paper;

/** Planted violation target. */
public class PaperThing {
}
