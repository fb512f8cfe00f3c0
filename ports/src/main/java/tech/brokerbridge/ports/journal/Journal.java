package tech.brokerbridge.ports.journal;

/**
 * The durable record of everything the desk does: all the journal's roles in one object, so that a
 * desk is given one journal (e.g. one SQLite file) rather than eight. The desk's services each depend
 * only on the roles they use.
 *
 * <ul>
 * <li>{@link ProposalLog}: proposals with their status history, approvals and rejections;</li>
 * <li>{@link DecisionLog}: why each setup became a proposal or not;</li>
 * <li>{@link OrderLog}: the brackets sent and their fills;</li>
 * <li>{@link OutboundAudit}: what left the machine (the AI exchanges);</li>
 * <li>{@link DeskState}: the kill switch, the license records and the proposal cool-downs;</li>
 * <li>{@link TradeActionLog}: the actions taken on open trades (close, cancel, modify, re-arm);</li>
 * <li>{@link TradeLog}: the trades opened and every closed trade with its P&amp;L.</li>
 * </ul>
 *
 * <p>Thread-safe. Every write is committed durably before the method returns, so anything
 * acknowledged survives a crash. Calls block on local disk only; failures throw
 * {@link JournalException}. Each role has its contract test in the ports test-jar
 * ({@code tech.brokerbridge.ports.tck}).
 */
public interface Journal extends ProposalLog, DecisionLog, OrderLog, OutboundAudit, DeskState, TradeActionLog,
        TradeLog {
}
