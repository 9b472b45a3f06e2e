package dev.lockstep.recovery.service;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a recovery form (story S4) against what the provider knows. Each field earns its weight
 * when right; list fields (previous passwords, products, recipients, subjects) earn half of it per
 * right item, up to all of it; the card earns a third per right part (holder, last 4 digits,
 * expiry). Wrong answers cost nothing. Names and places compare after Unicode NFKC (full- and
 * half-width Japanese alike), without case and with spaces collapsed; subjects must be exact.
 */
public final class FormScoring {

    private FormScoring() {
    }

    /** The answers of a form, every one optional. */
    public record Answers(String name, LocalDate dateOfBirth, String country, String region, String postalCode,
            List<String> previousPasswords, List<String> products, List<String> recentRecipients, List<String> subjects,
            String cardHolder, String cardLast4, String cardExpiry) {
    }

    /** What the provider knows about the owner. */
    public record Facts(String name, LocalDate dateOfBirth, String country, String region, String postalCode,
            Collection<String> products, Collection<String> recipients, Collection<String> subjects, String cardHolder,
            String cardLast4, String cardExpiry) {

        public static final Facts NONE = new Facts(null, null, null, null, null, List.of(), List.of(), List.of(), null,
                null, null);
    }

    public record Score(int total, Map<String, Integer> fields) {

        public String describe() {
            return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }

    /** {@code passwordsMatched}: how many claimed previous passwords auth-service found in the history. */
    public static Score score(Answers answers, Facts facts, int passwordsMatched, Map<String, Integer> weights) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("name", same(answers.name(), facts.name(), FormScoring::text) ? weights.getOrDefault("name", 0) : 0);
        fields.put("dateOfBirth", answers.dateOfBirth() != null && answers.dateOfBirth().equals(facts.dateOfBirth())
                ? weights.getOrDefault("dateOfBirth", 0)
                : 0);
        fields.put("country",
                same(answers.country(), facts.country(), FormScoring::text) ? weights.getOrDefault("country", 0) : 0);
        fields.put("region", same(answers.region(), facts.region(), FormScoring::text) ? weights.getOrDefault("region", 0) : 0);
        fields.put("postalCode", same(answers.postalCode(), facts.postalCode(), FormScoring::postal)
                ? weights.getOrDefault("postalCode", 0)
                : 0);
        fields.put("previousPasswords", list(passwordsMatched, weights.getOrDefault("previousPasswords", 0)));
        fields.put("products", list(matches(answers.products(), facts.products(), FormScoring::text),
                weights.getOrDefault("products", 0)));
        fields.put("recentRecipients", list(matches(answers.recentRecipients(), facts.recipients(), FormScoring::address),
                weights.getOrDefault("recentRecipients", 0)));
        fields.put("subjects", list(matches(answers.subjects(), facts.subjects(), String::trim),
                weights.getOrDefault("subjects", 0)));
        int cardParts = (same(answers.cardHolder(), facts.cardHolder(), FormScoring::text) ? 1 : 0)
                + (same(answers.cardLast4(), facts.cardLast4(), FormScoring::postal) ? 1 : 0)
                + (same(answers.cardExpiry(), facts.cardExpiry(), FormScoring::postal) ? 1 : 0);
        fields.put("card", weights.getOrDefault("card", 0) * cardParts / 3);
        return new Score(fields.values().stream().mapToInt(Integer::intValue).sum(), fields);
    }

    /** Two right items earn the whole weight, one half of it. */
    private static int list(int matched, int weight) {
        return weight * Math.min(matched, 2) / 2;
    }

    /** NFKC (full-width letters and digits become ASCII, half-width kana full-width), no case, one space. */
    static String text(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /** As {@link #text}, without spaces and dashes: {@code 〒100－0001} and {@code 1000001} are the same. */
    static String postal(String value) {
        return text(value).replaceAll("[\\s\\-〒/]", "");
    }

    private static String address(String value) {
        return text(value);
    }

    private static boolean same(String answer, String fact, Function<String, String> canonical) {
        return answer != null && fact != null && !answer.isBlank() && canonical.apply(answer).equals(canonical.apply(fact));
    }

    private static int matches(List<String> answers, Collection<String> facts, Function<String, String> canonical) {
        if (answers == null || facts == null || facts.isEmpty()) {
            return 0;
        }
        Set<String> known = facts.stream().filter(Objects::nonNull).map(canonical).collect(Collectors.toSet());
        return (int) answers.stream().filter(Objects::nonNull).map(canonical).distinct().filter(known::contains).count();
    }
}
