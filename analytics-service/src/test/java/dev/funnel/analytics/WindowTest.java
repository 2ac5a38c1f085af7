package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Window.Range range(String from, String to) {
        return new Window.Range(at(from), at(to));
    }

    @Test
    void windowAcrossDaysIsReadAsEdgesHoursAndWholeDays() {
        Window.Slices slices = new Window(at("2030-01-01T22:30:00Z"), at("2030-01-04T01:15:00Z")).slices();

        assertThat(slices.edges()).containsExactly(
                range("2030-01-01T22:30:00Z", "2030-01-01T23:00:00Z"),
                range("2030-01-04T01:00:00Z", "2030-01-04T01:15:00Z"));
        assertThat(slices.hours()).containsExactly(
                range("2030-01-01T23:00:00Z", "2030-01-02T00:00:00Z"),
                range("2030-01-04T00:00:00Z", "2030-01-04T01:00:00Z"));
        assertThat(slices.days()).containsExactly(range("2030-01-02T00:00:00Z", "2030-01-04T00:00:00Z"));
        assertThat(slices.months()).isEmpty();
    }

    @Test
    void windowOfWholeDaysIsReadFromDaysAlone() {
        Window.Slices slices = new Window(at("2030-01-05T00:00:00Z"), at("2030-01-20T00:00:00Z")).slices();

        assertThat(slices.edges()).isEmpty();
        assertThat(slices.hours()).isEmpty();
        assertThat(slices.days()).containsExactly(range("2030-01-05T00:00:00Z", "2030-01-20T00:00:00Z"));
        assertThat(slices.months()).isEmpty();
    }

    @Test
    void longWindowIsReadFromWholeMonthsAndTheDaysAndHoursAroundThem() {
        Window.Slices slices = new Window(at("2030-01-30T12:00:00Z"), at("2030-05-02T06:00:00Z")).slices();

        assertThat(slices.edges()).isEmpty();
        assertThat(slices.hours()).containsExactly(
                range("2030-01-30T12:00:00Z", "2030-01-31T00:00:00Z"),
                range("2030-05-02T00:00:00Z", "2030-05-02T06:00:00Z"));
        assertThat(slices.days()).containsExactly(
                range("2030-01-31T00:00:00Z", "2030-02-01T00:00:00Z"),
                range("2030-05-01T00:00:00Z", "2030-05-02T00:00:00Z"));
        assertThat(slices.months()).containsExactly(range("2030-02-01T00:00:00Z", "2030-05-01T00:00:00Z"));
    }

    @Test
    void withoutMonthsTheWholeDaysAreReadAsDays() {
        Window.Slices slices = new Window(at("2030-01-01T00:00:00Z"), at("2030-03-01T00:00:00Z")).slices(false);

        assertThat(slices.days()).containsExactly(range("2030-01-01T00:00:00Z", "2030-03-01T00:00:00Z"));
        assertThat(slices.months()).isEmpty();
        assertThat(new Window(at("2030-01-01T00:00:00Z"), at("2030-03-01T00:00:00Z")).slices().months())
                .containsExactly(range("2030-01-01T00:00:00Z", "2030-03-01T00:00:00Z"));
    }

    @Test
    void unboundedWindowIsMostlyMonths() {
        Window.Slices slices = new Window(Instant.EPOCH, at("2026-11-23T00:49:12Z")).slices();

        assertThat(slices.months()).containsExactly(range("1970-01-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        assertThat(slices.days()).containsExactly(range("2026-11-01T00:00:00Z", "2026-11-23T00:00:00Z"));
        assertThat(slices.hours()).isEmpty();
        assertThat(slices.edges()).containsExactly(range("2026-11-23T00:00:00Z", "2026-11-23T00:49:12Z"));
    }

    @Test
    void windowWithinOneDayIsReadFromHoursAndEdges() {
        Window.Slices slices = new Window(at("2030-01-01T08:00:00Z"), at("2030-01-01T10:20:00Z")).slices();

        assertThat(slices.edges()).containsExactly(range("2030-01-01T10:00:00Z", "2030-01-01T10:20:00Z"));
        assertThat(slices.hours()).containsExactly(range("2030-01-01T08:00:00Z", "2030-01-01T10:00:00Z"));
        assertThat(slices.days()).isEmpty();
    }

    @Test
    void windowWithoutAWholeHourIsOneEdge() {
        Window window = new Window(at("2030-01-01T08:30:00Z"), at("2030-01-01T09:30:00Z"));

        assertThat(window.slices()).isEqualTo(new Window.Slices(
                List.of(range("2030-01-01T08:30:00Z", "2030-01-01T09:30:00Z")), List.of(), List.of(), List.of()));
    }

    @Test
    void windowIsHalfOpen() {
        Window window = new Window(at("2030-01-01T00:00:00Z"), at("2030-01-02T00:00:00Z"));

        assertThat(window.contains(at("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(at("2030-01-02T00:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new Window(at("2030-01-02T00:00:00Z"), at("2030-01-02T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
