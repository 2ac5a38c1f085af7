package dev.funnel.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> NEEDED = List.of("lead-intake", "marketer", "sales");

    @Test
    void aTokenWithEveryRoleNeededFits() {
        BearerToken token = new BearerToken(Jwts.withRoles(List.of("sales", "marketer", "lead-intake", "analyst"),
                NOW.plus(Duration.ofHours(1))));

        assertThat(token.roles()).contains(java.util.Set.of("sales", "marketer", "lead-intake", "analyst"));
        assertThat(token.unfitFor(NEEDED, NOW)).isEmpty();
        assertThat(token.header()).startsWith("Bearer ey");
    }

    @Test
    void aMissingRoleIsNamedWithTheRolesTheTokenCarries() {
        BearerToken token = new BearerToken(Jwts.withRoles(List.of("lead-intake"), NOW.plus(Duration.ofHours(1))));

        assertThat(token.unfitFor(NEEDED, NOW))
                .contains("the token lacks role marketer, sales (it carries lead-intake)");
    }

    @Test
    void anExpiredTokenIsToldApartFromAMissingRole() {
        BearerToken token = new BearerToken(Jwts.withRoles(NEEDED, NOW.minusSeconds(1)));

        assertThat(token.unfitFor(NEEDED, NOW)).contains("the token expired at 2026-03-01T11:59:59Z");
    }

    @Test
    void aTokenThatIsNoJwtIsLeftToTheServicesToJudge() {
        BearerToken token = new BearerToken("  an-opaque-reference-token ");

        assertThat(token.roles()).isEmpty();
        assertThat(token.unfitFor(NEEDED, NOW)).isEmpty();
        assertThat(token.header()).isEqualTo("Bearer an-opaque-reference-token");
    }

    @Test
    void itsTextNeverShowsTheTokenItself() {
        String jwt = Jwts.withRoles(NEEDED, NOW);

        assertThat(new BearerToken(jwt).toString()).doesNotContain(jwt.substring(0, 20))
                .isEqualTo("BearerToken[[lead-intake, marketer, sales]]");
        assertThatThrownBy(() -> new BearerToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
