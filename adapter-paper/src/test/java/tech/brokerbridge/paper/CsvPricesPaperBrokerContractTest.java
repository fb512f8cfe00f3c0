package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;

/** The Broker contract with the paper account on CSV daily bars ({@code paper.market_data=csv}). */
class CsvPricesPaperBrokerContractTest extends PaperBrokerContractTest {
    @TempDir
    Path dir;

    @Override
    PaperConfig config() {
        CsvFiles.write(dir, "AAPL", 300, 100, LocalDate.parse("2026-03-18"));
        return PaperConfig.defaults().withCsvPrices(dir);
    }
}
