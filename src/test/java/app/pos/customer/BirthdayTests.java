package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class BirthdayTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @ParameterizedTest
    @CsvSource({
        "--09-21, 9, 21, ",
        "1990-09-21, 9, 21, 1990",
        "--02-29, 2, 29, ",
        "2000-02-29, 2, 29, 2000",
        "2026-12-03, 12, 3, 2026",
        "1900-01-01, 1, 1, 1900"
    })
    void readsAndWritesTheIsoForms(String text, int month, int day, Integer year) {
        Birthday birthday = Birthday.parse(text, TODAY);
        assertThat(birthday).isEqualTo(new Birthday(month, day, year));
        assertThat(birthday).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--02-30",
                "--13-01",
                "--00-10",
                "--04-31",
                "1990-02-30",
                "1990-02-29",
                "2026-12-04",
                "1899-12-31",
                "09-21",
                "1990-9-21",
                "--0921",
                "21.09.1990",
                ""
            })
    void refusesWhatIsNotABirthday(String text) {
        assertThatThrownBy(() -> Birthday.parse(text, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomerViewWritesTheBirthdayAsTheApiReadsIt() {
        CustomerView view = new CustomerView(
                null, "Ada", null, null, null, null, null, 0, null, null, null, "--09-21", TODAY, List.of("VIP"));
        String json = JsonMapper.builder().findAndAddModules().build().writeValueAsString(view);
        assertThat(json).contains("\"birthday\":\"--09-21\"", "\"anniversary\":\"2026-12-03\"", "\"tags\":[\"VIP\"]");
    }

    @Test
    void aMergeKeepsTheSurvivorsSpellingAndAtMostTwentyTags() {
        List<String> many =
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "t" + i).toList();
        CustomerProfile survivor = new CustomerProfile(null, null, List.of("VIP"));
        CustomerProfile removed = new CustomerProfile(new Birthday(5, 4, null), TODAY, many);
        CustomerProfile merged = CustomerProfile.merged(survivor, removed);
        assertThat(merged.tags()).hasSize(20).contains("VIP");
        assertThat(merged.birthday()).isEqualTo(new Birthday(5, 4, null));
        assertThat(CustomerProfile.merged(new CustomerProfile(null, null, List.of("vip")), survivor)
                        .tags())
                .containsExactly("vip");
    }
}
