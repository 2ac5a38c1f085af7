package dev.funnel.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: a free one for throwaway servers, and whether something listens on a given one. */
public final class FreePort {

    /** Linux's default range of ephemeral ports, used when the kernel's own setting cannot be read. */
    private static final int[] DEFAULT_EPHEMERAL = {32768, 60999};
    private static final int LOWEST = 20000;
    private static final Path EPHEMERAL_SETTING = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** Read from the kernel once: the setting does not change while tests run. */
    private static final int[] PICKABLE = pickableRange(ephemeralRange());

    /**
     * A port nobody listens on right now, and one that no outgoing connection will take meanwhile.
     *
     * <p>A port the OS hands out for {@code bind(0)} comes from the ephemeral range, the same range every
     * outgoing connection's local port comes from: between this pick and the server's own bind, a JDBC or Kafka
     * client connecting elsewhere could take it, and the server then fails to start (it happened to a system
     * test in CI). So the port is drawn at random from below (or above) that range, checked to be bindable now,
     * and never handed out twice by one JVM.
     */
    public static int pick() {
        if (PICKABLE[1] > PICKABLE[0]) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(PICKABLE[0], PICKABLE[1] + 1);
                if (claim(port) && bindable(port)) {
                    return port;
                }
            }
        }
        return anyEphemeral();
    }

    /** The ports {@link #pick()} draws from: those outside {@code ephemeral} and above {@value #LOWEST}. */
    static int[] pickableRange(int[] ephemeral) {
        if (ephemeral[0] - 1 - LOWEST >= 1000) {
            return new int[] {LOWEST, ephemeral[0] - 1};
        }
        int above = Math.max(ephemeral[1] + 1, LOWEST);
        return new int[] {above, 65535};
    }

    /** The kernel's range of ephemeral ports, or Linux's default when it cannot be read (other systems). */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(EPHEMERAL_SETTING).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL.clone();
        }
    }

    private static synchronized boolean claim(int port) {
        return HANDED_OUT.add(port);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyEphemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** True when a server accepts connections on this loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FreePort() {
    }
}
