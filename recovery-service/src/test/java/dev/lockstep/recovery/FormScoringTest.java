package dev.lockstep.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.recovery.service.FormScoring;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormScoringTest {

    private static final Map<String, Integer> WEIGHTS = Map.of("name", 10, "dateOfBirth", 10, "country", 5, "region", 5,
            "postalCode", 10, "previousPasswords", 25, "products", 5, "recentRecipients", 10, "subjects", 10, "card", 10);

    private static final FormScoring.Facts HANAKO = new FormScoring.Facts("山田 ハナコ", LocalDate.of(1990, 4, 1), "JP",
            "Tokyo", "100-0001", List.of("Outlook", "OneDrive"), List.of("taro@example.jp", "boss@example.jp"),
            List.of("Re: 見積もり", "Lunch on Friday?"), "HANAKO YAMADA", "4242", "12/27");

    private static FormScoring.Answers answers(String name, String postal, List<String> subjects) {
        return new FormScoring.Answers(name, null, null, null, postal, null, null, null, subjects, null, null, null);
    }

    @Test
    void namesMatchAcrossFullAndHalfWidthAndCase() {
        // half-width katakana, a full-width space and full-width digits in the postal code
        FormScoring.Score score = FormScoring.score(answers("山田　ﾊﾅｺ", "１００－０００１", null), HANAKO, 0, WEIGHTS);
        assertEquals(10, score.fields().get("name"));
        assertEquals(10, score.fields().get("postalCode"));
        assertEquals(20, score.total());
    }

    @Test
    void subjectsMustBeExactAndListsEarnHalfTheirWeightPerRightItem() {
        FormScoring.Score one = FormScoring.score(answers(null, null, List.of("Re: 見積もり", "lunch on friday?")), HANAKO, 0,
                WEIGHTS);
        assertEquals(5, one.fields().get("subjects"), "the second subject differs in case: not exact");
        FormScoring.Score two = FormScoring.score(answers(null, null, List.of("Re: 見積もり", "Lunch on Friday?", "x")),
                HANAKO, 0, WEIGHTS);
        assertEquals(10, two.fields().get("subjects"));
    }

    @Test
    void aWellAnsweredFormPassesTheDefaultThresholdAndAPoorOneDoesNot() {
        FormScoring.Answers good = new FormScoring.Answers("Yamada Hanako", LocalDate.of(1990, 4, 1), "jp", "tokyo",
                "1000001", List.of("old-1", "old-2"), List.of("outlook"), List.of("TARO@example.jp"),
                List.of("Lunch on Friday?"), "Hanako Yamada", "4242", "12/27");
        FormScoring.Score goodScore = FormScoring.score(good, HANAKO, 2, WEIGHTS);
        // the name is written the other way round: no points for it
        assertEquals(0, goodScore.fields().get("name"));
        assertEquals(10 + 5 + 5 + 10 + 25 + 2 + 5 + 5 + 10, goodScore.total());
        FormScoring.Answers poor = new FormScoring.Answers("Someone", LocalDate.of(1991, 1, 1), "US", null, null,
                List.of("guess"), null, null, null, null, "0000", null);
        assertEquals(0, FormScoring.score(poor, HANAKO, 0, WEIGHTS).total());
    }

    @Test
    void nothingKnownScoresNothing() {
        FormScoring.Answers good = new FormScoring.Answers("Yamada Hanako", LocalDate.of(1990, 4, 1), "jp", "tokyo",
                "1000001", List.of("old-1"), List.of("outlook"), List.of("taro@example.jp"), List.of("Lunch on Friday?"),
                "Hanako Yamada", "4242", "12/27");
        assertEquals(0, FormScoring.score(good, FormScoring.Facts.NONE, 0, WEIGHTS).total());
    }
}
