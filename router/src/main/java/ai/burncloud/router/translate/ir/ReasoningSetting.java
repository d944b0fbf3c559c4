package ai.burncloud.router.translate.ir;

import java.util.Locale;

/**
 * How much the client asked the model to think, in neutral terms. Dialects ask in two ways: by effort
 * (OpenAI {@code reasoning_effort}, Gemini 3 {@code thinkingLevel}, Anthropic
 * {@code output_config.effort}) or by a budget of tokens (Anthropic {@code thinking.budget_tokens},
 * Gemini {@code thinkingBudget}). Each writer asks its upstream in the upstream's terms, converting
 * with the table in docs/PROTOCOLS.md ("Thinking and reasoning").
 *
 * @param mode off, by effort, by budget, or left to the model
 * @param effort the effort asked for (mode {@link Mode#EFFORT}), else null
 * @param budgetTokens the budget asked for (mode {@link Mode#BUDGET}), else null
 * @param includeThoughts whether the client wants the reasoning text shown, when it said
 */
public record ReasoningSetting(Mode mode, Effort effort, Long budgetTokens, Boolean includeThoughts) {
    /** Anthropic's smallest accepted {@code budget_tokens}. */
    public static final long MIN_BUDGET = 1024;

    public enum Mode {
        /** The client turned reasoning off. */
        OFF,
        EFFORT,
        BUDGET,
        /** Reasoning on, amount left to the model (Anthropic adaptive, Gemini budget -1). */
        DYNAMIC
    }

    /** Effort levels and the budget each stands for. */
    public enum Effort {
        LOW(1024),
        MEDIUM(8192),
        HIGH(24576);

        private final long budget;

        Effort(long budget) {
            this.budget = budget;
        }

        public long budget() {
            return budget;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The effort a budget stands for: below 4096 low, below 16384 medium, else high. */
        public static Effort ofBudget(long budget) {
            if (budget < 4096) {
                return LOW;
            }
            return budget < 16384 ? MEDIUM : HIGH;
        }
    }

    public static ReasoningSetting off() {
        return new ReasoningSetting(Mode.OFF, null, null, null);
    }

    public static ReasoningSetting of(Effort effort) {
        return new ReasoningSetting(Mode.EFFORT, effort, null, null);
    }

    public static ReasoningSetting ofBudget(long budgetTokens) {
        return new ReasoningSetting(Mode.BUDGET, null, budgetTokens, null);
    }

    public static ReasoningSetting dynamic() {
        return new ReasoningSetting(Mode.DYNAMIC, null, null, null);
    }

    public ReasoningSetting withIncludeThoughts(Boolean include) {
        return new ReasoningSetting(mode, effort, budgetTokens, include);
    }

    public boolean isOn() {
        return mode != Mode.OFF;
    }

    /** The effort to ask an effort-only upstream for; {@link Effort#MEDIUM} (OpenAI's default) when dynamic. */
    public Effort asEffort() {
        return switch (mode) {
            case EFFORT -> effort;
            case BUDGET -> Effort.ofBudget(budgetTokens);
            default -> Effort.MEDIUM;
        };
    }

    /**
     * The budget to ask a budget-only upstream for: the effort's budget, or the client's own; dynamic
     * counts as medium for upstreams that need a number.
     */
    public long asBudget() {
        return switch (mode) {
            case BUDGET -> budgetTokens;
            case EFFORT -> effort.budget();
            default -> Effort.MEDIUM.budget();
        };
    }

    /**
     * An OpenAI effort word: {@code minimal} counts as low and {@code xhigh} as high, {@code none}
     * turns reasoning off; null for a word no dialect knows.
     */
    public static ReasoningSetting fromEffortWord(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "none" -> off();
            case "minimal", "low" -> of(Effort.LOW);
            case "medium" -> of(Effort.MEDIUM);
            case "high", "xhigh", "max" -> of(Effort.HIGH);
            default -> null;
        };
    }
}
