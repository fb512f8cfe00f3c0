package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Plants a recognisable secret and machine id, runs every flow (put, get, list, delete, another
 * machine, invalid input, damaged files, a failing keyring, and the real keyring when one answers)
 * with every logger at TRACE, and scans all log lines, exception messages (with causes) and
 * printed values for any part of them.
 */
class SecretHygieneTest {
    private static final String HEX = HexFormat.of().formatHex(SecureRandom.getSeed(16));
    /** Contains a space and a slash, so it is also an invalid name: passing it as one must not echo it. */
    private static final String SECRET = "HYG planted/" + HEX;
    private static final String MACHINE_ID = "hygiene-machine-" + UUID.randomUUID();

    @TempDir
    Path temp;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> savedLevels = new HashMap<>();
    private final List<String> seen = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : context.getLoggerList()) {
            savedLevels.put(logger, logger.getLevel());
            if (logger != root) {
                logger.setLevel(null);
            }
        }
        root.setLevel(Level.TRACE);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        savedLevels.forEach(Logger::setLevel);
    }

    private void see(Object printed) {
        seen.add(String.valueOf(printed));
    }

    private void seeException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            see(t);
            see(t.getMessage());
            for (Throwable suppressed : t.getSuppressed()) {
                see(suppressed);
            }
        }
    }

    private void expectFailure(Executable action) {
        seeException(assertThrows(RuntimeException.class, action));
    }

    private void collectTokens(Path dataDir) throws Exception {
        Path secrets = dataDir.resolve(FileTokenStorage.FILE);
        if (Files.exists(secrets)) {
            Object map = TestVaults.<Map<?, ?>>parse(Files.readString(secrets)).get("secrets");
            ((Map<?, ?>) map).values().forEach(token -> tokens.add((String) token));
        }
    }

    private void runFlows(VaultOpener opener, Backend backend, Path dataDir) throws Exception {
        try (FernetSecretStore vault = opener.open(dataDir, backend, Optional.of(MACHINE_ID))) {
            see(vault);
            vault.put("claude.api_key", Secret.of(SECRET));
            vault.put("openai.api_key", Secret.of(SECRET + "-2"));
            Optional<Secret> got = vault.get("claude.api_key");
            assertEquals(SECRET, got.orElseThrow().reveal(), "the flow really stored the secret");
            see(got);
            see(vault.list());
            see(vault.info());
            assertTrue(vault.delete("openai.api_key"));
            expectFailure(() -> vault.put(SECRET, Secret.of("x")));
            expectFailure(() -> vault.get(SECRET));
            expectFailure(() -> vault.delete(SECRET));
            collectTokens(dataDir);
        }
        try (FernetSecretStore other = opener.open(dataDir, backend, Optional.of("another-" + MACHINE_ID))) {
            see(other.list());
            expectFailure(() -> other.get("claude.api_key"));
            other.put("claude.api_key", Secret.of(SECRET));
            see(other.get("claude.api_key"));
            other.delete("claude.api_key");
        }
    }

    private void assertNothingLeaked() {
        assertFalse(appender.list.isEmpty(), "log capture works");
        for (ILoggingEvent event : appender.list) {
            String text = event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text += " | " + t.getClassName() + ": " + t.getMessage();
            }
            scan("log line", text, event.getLoggerName().startsWith("tech.brokerbridge"));
        }
        for (String text : seen) {
            scan("exception or printed value", text, true);
        }
    }

    private void scan(String where, String text, boolean ownCode) {
        assertFalse(text.contains(MACHINE_ID), where + " contains the machine id: " + text);
        for (int i = 0; i + 8 <= HEX.length(); i++) {
            String part = HEX.substring(i, i + 8);
            assertFalse(text.contains(part), where + " contains part of the secret: " + text);
        }
        assertFalse(text.contains("HYG planted"), where + " contains the secret: " + text);
        if (ownCode) {
            for (String token : tokens) {
                assertFalse(text.contains(token.substring(20, 60)), where + " contains a token: " + text);
            }
        }
    }

    @Test
    void theScannerCatchesALeak() {
        LoggerFactory.getLogger("tech.brokerbridge.keyring.leaky").info("oops {}", HEX.substring(5, 20));
        assertThrows(AssertionError.class, this::assertNothingLeaked);
    }

    @Test
    void fileBackendFlowsNeverShowTheSecret() throws Exception {
        runFlows(TestVaults.withoutKeyring(), Backend.AUTO, temp.resolve("auto-fallback"));
        runFlows(TestVaults.withoutKeyring(), Backend.FILE, temp.resolve("file"));
        assertFalse(tokens.isEmpty());
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("No OS keyring answered")));
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("cannot be decrypted")));
        assertNothingLeaked();
    }

    @Test
    void errorPathsNeverShowTheSecret() throws Exception {
        Path damaged = temp.resolve("damaged");
        Files.createDirectories(damaged);
        Files.writeString(damaged.resolve(FileTokenStorage.FILE), "{\"secrets\": {\"a\": \"" + SECRET + "\" ");
        try (FernetSecretStore vault = TestVaults.openFile(damaged, MACHINE_ID)) {
            expectFailure(vault::list);
            expectFailure(() -> vault.put("a", Secret.of(SECRET)));
        }
        expectFailure(() -> TestVaults.withoutKeyring().open(temp.resolve("k"), Backend.KEYRING, Optional.of(MACHINE_ID)));

        KeyringAccessTest outer = new KeyringAccessTest();
        KeyringAccessTest.ScriptedKeyring failing = outer.new ScriptedKeyring();
        VaultOpener scripted = TestVaults.opener(() -> failing, "svc");
        try (FernetSecretStore vault = scripted.open(temp.resolve("scripted"), Backend.KEYRING, Optional.of(MACHINE_ID))) {
            failing.fail = true;
            expectFailure(() -> vault.put("claude.api_key", Secret.of(SECRET)));
            failing.fail = false;
            vault.put("claude.api_key", Secret.of(SECRET));
            failing.entries.values().forEach(tokens::add);
            failing.fail = true;
            expectFailure(() -> vault.get("claude.api_key"));
            expectFailure(vault::list);
            see(vault.info());
        }
        assertNothingLeaked();
    }

    @Test
    void realKeyringFlowsNeverShowTheSecret() throws Exception {
        SecretService.require();
        runFlows(TestVaults.withRealKeyring("brokerbridge-test-" + UUID.randomUUID()), Backend.KEYRING,
                temp.resolve("keyring"));
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("OS keyring answered")));
        assertNothingLeaked();
    }
}
