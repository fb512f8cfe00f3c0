package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * A channel from the command line: its secret saved with {@code credentials set}, its destination in
 * the configuration, a test message with {@code notifications test}, audited in the journal.
 */
class NotificationsCommandTest {
    private static final String TOKEN = "tk_cli_PLANTED_ntfy_0042";

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    private Map<String, String> env(String topicUrl) {
        Map<String, String> env = new HashMap<>(Map.of("BROKERBRIDGE_HOME", home.toString(),
                "BROKERBRIDGE_SECRETS_BACKEND", "file", "BROKERBRIDGE_MACHINE_ID", "test-machine-cli-0002"));
        if (!topicUrl.isEmpty()) {
            env.put("BROKERBRIDGE_NOTIFICATIONS_NTFY_URL", topicUrl);
        }
        return env;
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        Run r = new Run(code, out.toString(), err.toString());
        assertFalse((r.out() + r.err()).contains(TOKEN), "the token was printed: " + r);
        return r;
    }

    @Test
    void aSavedTokenAndAConfiguredTopicMakeATestMessageThatIsAudited() {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.of(TOKEN))) {
            Map<String, String> env = env(ntfy.topicUrl("cli-topic"));
            Run saved = run(new CredentialsCommand(env, Optional.of(CredentialsInput.reader(new StringReader(TOKEN
                    + "\n")))), "set", "ntfy");
            assertEquals(0, saved.code(), saved.toString());

            Run test = run(new NotificationsCommand(env), "test", "ntfy");
            assertEquals(0, test.code(), test.toString());
            assertEquals("ntfy (127.0.0.1): delivered — HTTP 200", test.out().strip());
            assertEquals("cli-topic", ntfy.published().get(0).path("topic").asText());
            try (ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
                assertEquals("test", journal.notificationAudit(1).get(0).event());
            }

            Run wrong = run(new CredentialsCommand(env, Optional.of(CredentialsInput.reader(new StringReader(
                    "tk_wrong_one_1234\n")))), "set", "ntfy");
            assertEquals(0, wrong.code());
            Run refused = run(new NotificationsCommand(env), "test");
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.out().contains("failed — HTTP 403"), refused.toString());
        }
    }

    @Test
    void anUnknownOrUnconfiguredChannelIsExitCode2() {
        Run unknown = run(new NotificationsCommand(env("")), "test", "fax");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("known: ntfy, telegram, webhook, email"), unknown.toString());
        Run none = run(new NotificationsCommand(env("")), "test", "ntfy");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("the ntfy channel is not configured"), none.toString());
    }
}
