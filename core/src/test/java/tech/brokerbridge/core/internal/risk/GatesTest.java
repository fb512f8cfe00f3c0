package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.ctx;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.position;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.proposal;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.stopLeg;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.trade;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;

class GatesTest {
    @Nested
    class PositionSize {
        final PositionSizeGate gate = new PositionSizeGate();

        @Test
        void exactlyAtTheLimitPasses() {
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 104, 50), ctx(100_000)); // 5000 = 5 %
            assertTrue(r.passed(), r.reason());
            assertEquals(List.of("position_value", "net_liquidation", "position_pct", "max_position_size_pct"),
                    List.copyOf(r.compared().keySet()));
            assertEquals(5000.0, r.compared().get("position_value"));
            assertEquals(5.0, r.compared().get("position_pct"), 1e-9);
        }

        @Test
        void justOverTheLimitFails() {
            assertFalse(gate.evaluate(trade("AAPL", 100.01, 98, 104, 50), ctx(100_000)).passed());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 51), ctx(100_000)).passed());
        }

        @Test
        void noNetLiquidationFails() {
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 1), ctx(0)).passed());
        }
    }

    @Nested
    class OpenTrades {
        final OpenTradesGate gate = new OpenTradesGate();

        @Test
        void fourOpenPlusThisOneIsExactlyTheLimitOfFive() {
            var c = ctx(100_000, 0, List.of(position("A", 10, 10), position("B", -10, 10)), List.of(),
                    List.of(proposal("prp-000000000001", "C", ProposalStatus.EXECUTING, 1, 10, 9),
                            proposal("prp-000000000002", "D", ProposalStatus.APPROVED, 1, 10, 9)), List.of());
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 104, 1), c);
            assertTrue(r.passed(), r.reason());
            assertEquals(4.0, r.compared().get("open_trades"));
            assertEquals(5.0, r.compared().get("with_this_trade"));
        }

        @Test
        void fiveOpenFails() {
            var c = ctx(100_000, 0, List.of(position("A", 10, 10), position("B", 10, 10), position("E", 5, 10)),
                    List.of(), List.of(proposal("prp-000000000001", "C", ProposalStatus.EXECUTING, 1, 10, 9),
                            proposal("prp-000000000002", "D", ProposalStatus.EXECUTING, 1, 10, 9)), List.of());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 1), c).passed());
        }

        @Test
        void aTradeWhosePositionAlreadyExistsCountsOnce() {
            var c = ctx(100_000, 0, List.of(position("A", 10, 10)), List.of(),
                    List.of(proposal("prp-000000000001", "A", ProposalStatus.EXECUTING, 1, 10, 9)), List.of());
            assertEquals(1.0, gate.evaluate(trade("AAPL", 100, 98, 104, 1), c).compared().get("open_trades"));
        }

        @Test
        void theReasonCountsTradesInGoodEnglish() {
            var one = ctx(100_000, 0, List.of(position("A", 10, 10)), List.of(), List.of(), List.of());
            assertEquals("1 trade open; with this one 2, within the limit of 5",
                    gate.evaluate(trade("AAPL", 100, 98, 104, 1), one).reason());
            assertTrue(gate.evaluate(trade("AAPL", 100, 98, 104, 1), ctx(100_000)).reason().startsWith("0 trades open"));
        }

        @Test
        void pendingProposalsAndFlatPositionsDoNotCount() {
            var c = ctx(100_000, 0, List.of(position("A", 0, 10)), List.of(), List.of(),
                    List.of(proposal("prp-000000000001", "B", ProposalStatus.PENDING, 1, 10, 9)));
            assertEquals(0.0, gate.evaluate(trade("AAPL", 100, 98, 104, 1), c).compared().get("open_trades"));
        }
    }

    @Nested
    class PortfolioHeat {
        final PortfolioHeatGate gate = new PortfolioHeatGate();

        @Test
        void exactlyAtTheLimitPasses() {
            // open: 100 shares A at 50 with stop 40 = 1000; executing B: 200 × (20 − 18) = 400
            var c = ctx(100_000, 0, List.of(position("A", 100, 50)), List.of(stopLeg("A", 100, 40)),
                    List.of(proposal("prp-000000000001", "B", ProposalStatus.EXECUTING, 200, 20, 18)), List.of());
            // this trade: 2300 × 2 = 4600 → total 6000 = 6 %
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 104, 2300), c);
            assertTrue(r.passed(), r.reason());
            assertEquals(1400.0, r.compared().get("open_risk"), 1e-9);
            assertEquals(6.0, r.compared().get("heat_pct"), 1e-9);
        }

        @Test
        void justOverTheLimitFails() {
            var c = ctx(100_000, 0, List.of(position("A", 100, 50)), List.of(stopLeg("A", 100, 40)),
                    List.of(proposal("prp-000000000001", "B", ProposalStatus.EXECUTING, 200, 20, 18)), List.of());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 2301), c).passed());
        }

        @Test
        void aPositionWithoutAStopRisksItsWholeValue() {
            var c = ctx(100_000, 0, List.of(position("A", 100, 50)), List.of(), List.of(), List.of());
            assertEquals(5000.0, gate.evaluate(trade("AAPL", 100, 98, 104, 0), c).compared().get("open_risk"), 1e-9);
        }

        @Test
        void aStopAboveThePriceOfALongRisksNothing() {
            var c = ctx(100_000, 0, List.of(position("A", 100, 50)), List.of(stopLeg("A", 100, 55)), List.of(),
                    List.of());
            assertEquals(0.0, gate.evaluate(trade("AAPL", 100, 98, 104, 0), c).compared().get("open_risk"), 1e-9);
        }
    }

    @Nested
    class DailyLoss {
        final DailyLossGate gate = new DailyLossGate();

        @Test
        void exactlyAtMinusTheLimitFails() {
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 104, 1), ctx(100_000, -2000, List.of(), List.of(),
                    List.of(), List.of()));
            assertFalse(r.passed());
            assertTrue(r.reason().contains("daily loss limit reached"), r.reason());
            assertEquals(-2.0, r.compared().get("daily_pnl_pct"), 1e-9);
        }

        @Test
        void justAboveMinusTheLimitPasses() {
            assertTrue(gate.evaluate(ctx(100_000, -1999.99, List.of(), List.of(), List.of(), List.of())).passed());
            assertTrue(gate.evaluate(ctx(100_000, 500, List.of(), List.of(), List.of(), List.of())).passed());
        }

        @Test
        void belowTheLimitFails() {
            assertFalse(gate.evaluate(ctx(100_000, -2500, List.of(), List.of(), List.of(), List.of())).passed());
        }
    }

    @Nested
    class TradeSanity {
        final TradeSanityGate gate = new TradeSanityGate();

        @Test
        void rewardRiskExactlyAtTheMinimumPasses() {
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 103, 10), ctx(100_000)); // 3 / 2 = 1.5
            assertTrue(r.passed(), r.reason());
            assertEquals(1.5, r.compared().get("reward_risk"), 1e-12);
        }

        @Test
        void rewardRiskJustBelowTheMinimumFails() {
            GateResult r = gate.evaluate(trade("AAPL", 100, 98, 102.99, 10), ctx(100_000));
            assertFalse(r.passed());
            assertTrue(r.reason().contains("reward:risk"), r.reason());
        }

        @Test
        void stopOrTargetOnTheWrongSideFails() {
            assertFalse(gate.evaluate(trade("AAPL", 100, 101, 104, 10), ctx(100_000)).passed());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 99, 10), ctx(100_000)).passed());
            TradePlan shortWrong = new TradePlan("AAPL", Direction.SHORT, 100, 98, 96, 10, Optional.empty());
            assertTrue(gate.evaluate(shortWrong, ctx(100_000)).reason().contains("wrong side"));
            TradePlan shortRight = new TradePlan("AAPL", Direction.SHORT, 100, 102, 96, 10, Optional.empty());
            assertTrue(gate.evaluate(shortRight, ctx(100_000)).passed());
        }

        @Test
        void nonPositivePricesFail() {
            assertFalse(gate.evaluate(trade("AAPL", 100, 0, 104, 10), ctx(100_000)).passed());
        }

        @Test
        void anExistingPositionWorkingOrderOrPendingProposalInTheSymbolFails() {
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 10), ctx(100_000, 0,
                    List.of(position("AAPL", 5, 100)), List.of(), List.of(), List.of())).passed());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 10), ctx(100_000, 0, List.of(),
                    List.of(stopLeg("AAPL", 5, 90)), List.of(), List.of())).passed());
            assertFalse(gate.evaluate(trade("AAPL", 100, 98, 104, 10), ctx(100_000, 0, List.of(), List.of(),
                    List.of(), List.of(proposal("prp-000000000001", "AAPL", ProposalStatus.PENDING, 1, 10, 9))))
                    .passed());
            assertTrue(gate.evaluate(trade("AAPL", 100, 98, 104, 10), ctx(100_000, 0,
                    List.of(position("MSFT", 5, 100)), List.of(stopLeg("MSFT", 5, 90)), List.of(),
                    List.of(proposal("prp-000000000001", "MSFT", ProposalStatus.PENDING, 1, 10, 9)))).passed());
        }

        @Test
        void theTradesOwnProposalDoesNotCountAgainstIt() {
            var own = proposal("prp-000000000001", "AAPL", ProposalStatus.PENDING, 1, 10, 9);
            TradePlan t = new TradePlan("AAPL", Direction.LONG, 100, 98, 104, 10, Optional.of(own.proposalId()));
            assertTrue(gate.evaluate(t, ctx(100_000, 0, List.of(), List.of(), List.of(), List.of(own))).passed());
        }
    }

    @Test
    void allFiveRunInOrderEvenWhenOneFails() {
        var results = new RiskGates().evaluate(trade("AAPL", 100, 101, 104, 10), ctx(100_000));
        assertEquals(List.of("position_size", "open_trades", "portfolio_heat", "daily_loss", "trade_sanity"),
                results.stream().map(GateResult::gate).toList());
        assertFalse(RiskGates.allPassed(results));
        assertFalse(RiskGates.dailyLossBreached(results));
        assertTrue(RiskGates.failureSummary(results).startsWith("trade_sanity:"));
    }
}
