package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.market.MarketData;

/** The MarketData contract on CSV daily bars. */
class CsvPricesPaperMarketDataContractTest extends PaperMarketDataContractTest {
    @TempDir
    Path dir;

    @Override
    protected MarketData newMarketData() {
        CsvFiles.write(dir, "MSFT", 400, 300, LocalDate.parse("2026-03-18"));
        return PaperFactory.create(PaperConfig.defaults().withCsvPrices(dir), PaperBrokerContractTest.CLOCK)
                .marketData();
    }

    @Override
    protected String unknownSymbol() {
        return "AAPL"; // no AAPL.csv
    }
}
