package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Configuration of the simulated paper account and market. It owns the setting
 * {@link #STARTING_CASH} ({@link #SETTINGS}) and builds itself from configured values with {@link #from}.
 *
 * @param startingCash cash a new account starts with ({@link #STARTING_CASH}). An account loaded from
 *     the state directory keeps its own cash: this applies to new accounts only
 * @param currency account currency, three capital letters (default {@code USD})
 * @param seed seed of the synthetic price histories (default 7); together with the symbol it fixes
 *     every bar, so the same seed always gives the same market
 * @param stateDirectory where the account is kept (default: empty, the account lives in memory and is
 *     gone with the process). When present, the account (cash, positions, every bracket and its legs,
 *     fills, today's figures, the market's simulated time) is kept in {@code paper-account.json} in this
 *     directory, saved durably before each call that changed it returns, and loaded again by
 *     {@link PaperFactory#create}. The desk passes its data directory here. A loaded account keeps its
 *     currency and seed: the configuration must name the same ones
 */
public record PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory) {
    public static final Setting<Double> STARTING_CASH = Setting.decimalAbove("paper.starting_cash", 0, 1e12, 100_000,
            "paper account starting cash (USD)");
    /** The adapter's settings. */
    public static final SettingGroup SETTINGS = SettingGroup.of("PaperConfig", List.of(STARTING_CASH));

    public PaperConfig {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        SETTINGS.require(Map.of(STARTING_CASH, startingCash));
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("paper.currency must be three capital letters, e.g. USD");
        }
    }

    /** An account that lives in memory only. */
    public PaperConfig(double startingCash, String currency, long seed) {
        this(startingCash, currency, seed, Optional.empty());
    }

    /** 100000 USD, seed 7, in memory only. */
    public static PaperConfig defaults() {
        return from(SettingsView.defaults());
    }

    /** The configuration from configured values: USD, seed 7, in memory only. */
    public static PaperConfig from(SettingsView settings) {
        return new PaperConfig(settings.get(STARTING_CASH), "USD", 7L);
    }

    /** The defaults, with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public static PaperConfig persistentIn(Path directory) {
        return defaults().withStateDirectory(directory);
    }

    /** This configuration with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public PaperConfig withStateDirectory(Path directory) {
        return new PaperConfig(startingCash, currency, seed, Optional.of(Objects.requireNonNull(directory, "directory")));
    }
}
