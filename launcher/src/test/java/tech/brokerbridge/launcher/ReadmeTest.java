package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.config.Setting;

/** The README documents what the code does. */
class ReadmeTest {
    static String readme() throws IOException {
        return ReadmeSection.readme();
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
    void theFirstRunSectionFollowsTheTwoCommandsAndWalksTheFiveStepsInOrder() throws IOException {
        String readme = readme();
        int twoCommands = readme.indexOf("\n## Two commands\n");
        assertTrue(twoCommands >= 0, "README lacks \"## Two commands\"");
        assertTrue(readme.indexOf("\n## ", twoCommands + 1) == readme.indexOf("\n## First run\n"),
                "\"## First run\" must be the section right after \"## Two commands\"");
        String section = ReadmeSection.of("First run").text();
        Matcher step = Pattern.compile("(?m)^(\\d+)\\. \\*\\*([^*]+)\\*\\*").matcher(section);
        List<String> steps = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (step.find()) {
            assertEquals(steps.size() + 1, Integer.parseInt(step.group(1)), "steps are numbered 1, 2, 3, …");
            steps.add(step.group(2).toLowerCase(Locale.ROOT));
            starts.add(step.start());
        }
        assertEquals(5, steps.size(), "five numbered steps, each led by a bold title: " + steps);
        List<List<String>> expected = List.of(
                List.of("build", "start"), List.of("dashboard"), List.of("simulated"), List.of("ib gateway"),
                List.of("stop"));
        for (int i = 0; i < 5; i++) {
            String text = section.substring(starts.get(i), i + 1 < 5 ? starts.get(i + 1) : section.length());
            for (String word : expected.get(i)) {
                assertTrue(steps.get(i).contains(word), "step " + (i + 1) + " should be about \"" + word + "\": "
                        + steps.get(i));
            }
            assertTrue(i != 1 || text.contains("http://127.0.0.1:8080/"), "step 2 gives the dashboard's address");
            assertTrue(i != 4 || text.contains("brokerbridge.jar stop") && text.contains("Ctrl-C"),
                    "step 5 says how to stop the daemon");
        }
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(section);
        int links = 0;
        while (link.find()) {
            links++;
            assertTrue(anchors(readme).contains(link.group(1)), "the first-run section links to a missing heading #"
                    + link.group(1));
        }
        assertTrue(links >= 3, "the first-run section links to the details");
    }

    /** The anchors of the README's headings, as GitHub makes them. */
    private static Set<String> anchors(String readme) {
        return readme.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')).collect(Collectors.toSet());
    }

    private static String lineOf(String text, String start) {
        int i = text.indexOf(start);
        int end = text.indexOf('\n', i);
        return text.substring(i, end < 0 ? text.length() : end);
    }
}
