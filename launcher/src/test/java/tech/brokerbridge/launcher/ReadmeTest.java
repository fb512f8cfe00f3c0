package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.config.Setting;

/** The README documents what the code does. */
class ReadmeTest {
    static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
    }

    @Test
    void everyConfigurationKeyIsInTheTableWithItsEnvironmentVariableAndDefault() throws IOException {
        String readme = readme();
        for (Setting<?> s : Settings.all()) {
            String row = "| `" + s.key() + "` | `" + s.envName() + "`";
            assertTrue(readme.contains(row), "README lacks a configuration row starting " + row);
            String d = s.defaultText();
            if (!d.isEmpty() && d.length() < 20) {
                assertTrue(lineOf(readme, row).contains("`" + d + "`"),
                        "README row of " + s.key() + " does not show its default " + d);
            }
            for (String alias : s.envAliases()) {
                assertTrue(lineOf(readme, row).contains("`" + alias + "`"), "README row of " + s.key() + " lacks " + alias);
            }
        }
    }

    @Test
    void theConfigurationTableDocumentsNoSettingThatDoesNotExist() throws IOException {
        String readme = readme();
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                String key = line.substring(3, line.indexOf('`', 3));
                assertTrue(Settings.find(key).isPresent(), "README documents an unknown setting " + key);
            }
        }
    }

    @Test
    void theTwoCommandsAreThereAndCiRunsTheSameTestCommand() throws IOException {
        String readme = readme();
        assertTrue(readme.contains("mvn -B -q package -DskipTests && java -jar launcher/target/brokerbridge.jar serve"));
        assertTrue(readme.contains("\nmvn -B verify\n"));
        String ci = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve(".ci/run"));
        assertTrue(ci.contains("mvn -B verify"), ".ci/run must run the README's test command");
    }

    @Test
    void theEmbeddingExampleIsTheCompiledOne() throws IOException {
        String test = Files.readString(Path.of("src/test/java/tech/brokerbridge/launcher/examples/EmbeddingExampleTest.java"));
        String begin = "// --- README example: begin ---";
        String code = test.substring(test.indexOf(begin) + begin.length(), test.indexOf("// --- README example: end ---"));
        String readme = readme();
        for (String line : code.split("\n")) {
            if (!line.isBlank()) {
                assertTrue(readme.contains(line.strip()), "README's embedding example lacks: " + line.strip());
            }
        }
    }

    private static String lineOf(String text, String start) {
        int i = text.indexOf(start);
        int end = text.indexOf('\n', i);
        return text.substring(i, end < 0 ? text.length() : end);
    }
}
