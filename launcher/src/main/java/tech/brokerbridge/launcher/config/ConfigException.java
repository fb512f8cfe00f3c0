package tech.brokerbridge.launcher.config;

import java.util.List;
import tech.brokerbridge.ports.config.SettingProblem;

/** The configuration is invalid; {@link #problems()} lists every problem found, each naming its key and source. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<SettingProblem> problems;

    public ConfigException(List<SettingProblem> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ",
                problems.stream().map(SettingProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, as a sentence. */
    public List<String> problems() {
        return problems.stream().map(SettingProblem::message).toList();
    }

    /** Every problem with the keys it is about. */
    public List<SettingProblem> settingProblems() {
        return problems;
    }
}
