package tech.brokerbridge.ports.config;

import java.util.List;

/**
 * Values that break their declarations or their owner's rules; {@link #problems()} lists every one,
 * each naming its key(s). Thrown by config records' constructors, so that code that builds one
 * (an embedder, the launcher) learns every problem at once.
 */
public final class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(String.join("; ", problems.stream().map(SettingProblem::message).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
