package dev.funnel.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void picksLieOutsideTheEphemeralRangeAreDistinctAndCanBeBound() throws Exception {
        int[] ephemeral = FreePort.ephemeralRange();
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            picks.add(FreePort.pick());
        }

        assertThat(picks).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).satisfiesAnyOf(
                        p -> assertThat(p).isLessThan(ephemeral[0]), p -> assertThat(p).isGreaterThan(ephemeral[1])));
        for (int port : picks.subList(0, 5)) {
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void theRangeIsBelowTheEphemeralPortsWhenThereIsRoomAndAboveThemOtherwise() {
        assertThat(FreePort.pickableRange(new int[] {32768, 60999})).containsExactly(20000, 32767);
        assertThat(FreePort.pickableRange(new int[] {20500, 50000})).containsExactly(50001, 65535);
        assertThat(FreePort.pickableRange(new int[] {1024, 65535})[1]).isEqualTo(65535);
    }
}
