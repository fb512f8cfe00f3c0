package tech.brokerbridge.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code ## } section of the repository's README.md, read at test time, and the fenced code blocks in it. */
public record ReadmeSection(String heading, String text) {
    /** The README of this checkout (tests run with the module directory as working directory). */
    public static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
    }

    /** The section under {@code ## heading}, up to the next {@code ## } heading; fails when there is none. */
    public static ReadmeSection of(String heading) throws IOException {
        String readme = readme();
        int start = readme.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError("README has no section \"## " + heading + "\"");
        }
        int body = readme.indexOf('\n', start + 1) + 1;
        int end = readme.indexOf("\n## ", body);
        return new ReadmeSection(heading, readme.substring(body, end < 0 ? readme.length() : end));
    }

    /** The bodies of the section's code blocks fenced as {@code ```language}, in order. */
    public List<String> codeBlocks(String language) {
        List<String> blocks = new ArrayList<>();
        String open = "```" + language + "\n";
        for (int i = text.indexOf(open); i >= 0; i = text.indexOf(open, i)) {
            int from = i + open.length();
            int to = text.indexOf("\n```", from - 1);
            if (to < 0) {
                throw new AssertionError("an unclosed ```" + language + " block in \"## " + heading + "\"");
            }
            blocks.add(text.substring(from, to + 1));
            i = to + 4;
        }
        return blocks;
    }

    /** The one code block in {@code language}; fails when there is none or more than one. */
    public String onlyCodeBlock(String language) {
        List<String> blocks = codeBlocks(language);
        if (blocks.size() != 1) {
            throw new AssertionError("\"## " + heading + "\" should hold one ```" + language + " block, found "
                    + blocks.size());
        }
        return blocks.get(0);
    }
}
