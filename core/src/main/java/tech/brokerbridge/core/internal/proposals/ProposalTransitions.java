package tech.brokerbridge.core.internal.proposals;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * The allowed status changes of a proposal:
 * pending → approved | rejected | expired; approved → executing | failed; executing → executed | failed.
 * Every other change is refused with a reason the user can read.
 */
public final class ProposalTransitions {
    private static final Map<ProposalStatus, Set<ProposalStatus>> ALLOWED = new EnumMap<>(ProposalStatus.class);

    static {
        for (ProposalStatus s : ProposalStatus.values()) {
            ALLOWED.put(s, EnumSet.noneOf(ProposalStatus.class));
        }
        ALLOWED.get(ProposalStatus.PENDING).addAll(
                EnumSet.of(ProposalStatus.APPROVED, ProposalStatus.REJECTED, ProposalStatus.EXPIRED));
        ALLOWED.get(ProposalStatus.APPROVED).addAll(EnumSet.of(ProposalStatus.EXECUTING, ProposalStatus.FAILED));
        ALLOWED.get(ProposalStatus.EXECUTING).addAll(EnumSet.of(ProposalStatus.EXECUTED, ProposalStatus.FAILED));
    }

    private ProposalTransitions() {
    }

    public static boolean allowed(ProposalStatus from, ProposalStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Why {@code p} cannot move to {@code to}, or empty when it can. */
    public static Optional<String> refusal(Proposal p, ProposalStatus to) {
        if (allowed(p.status(), to)) {
            return Optional.empty();
        }
        String id = p.proposalId();
        String state = switch (p.status()) {
            case PENDING -> "is still pending";
            case APPROVED -> "is already approved";
            case REJECTED -> "was rejected";
            case EXECUTING -> "is already executing";
            case EXECUTED -> "was already executed";
            case EXPIRED -> "is expired";
            case FAILED -> "has failed";
        };
        String action = switch (to) {
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case EXECUTING -> "executed";
            case EXECUTED -> "marked executed";
            case FAILED -> "marked failed";
            case PENDING -> "made pending again";
        };
        return Optional.of("proposal " + id + " " + state + "; it cannot be " + action);
    }
}
