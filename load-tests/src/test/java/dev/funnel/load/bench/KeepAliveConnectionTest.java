package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bench's HTTP/1.1 connection against a real HTTP server and against scripted answers. */
class KeepAliveConnectionTest {

    private final AtomicInteger accepted = new AtomicInteger();
    private HttpServer server;
    private ServerSocket scripted;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (scripted != null) {
            scripted.close();
        }
    }

    @Test
    void readsAnswersFramedByLengthAndByChunksAndSendsTheBodyAndHeaders() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/length", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "{\"id\":\"é\"}");
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(422, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"title\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("\"bad\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/funnel", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "{\"leads\":7}");
        });
        server.createContext("/empty", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        try (KeepAliveConnection connection = new KeepAliveConnection(base, Duration.ofSeconds(5))) {
            assertThat(connection.postJson("/length", "{\"email\":\"a@example.com\"}", "Authorization: Bearer t"))
                    .isEqualTo(new KeepAliveConnection.Answer(201, "{\"id\":\"é\"}"));
            assertThat(connection.postJson("/chunked", "{}")).isEqualTo(new KeepAliveConnection.Answer(422, "{\"title\":\"bad\"}"));
            assertThat(connection.postJson("/empty", "{}")).isEqualTo(new KeepAliveConnection.Answer(403, ""));
            assertThat(connection.postJson("/length", "{}", "Authorization: Bearer u").status()).isEqualTo(201);
            assertThat(connection.get("/funnel?from=2026-12-06T09:00:00Z", "Authorization: Bearer v"))
                    .isEqualTo(new KeepAliveConnection.Answer(200, "{\"leads\":7}"));
        }
        assertThat(seen).containsExactly("Bearer t {\"email\":\"a@example.com\"}", "Bearer u {}",
                "GET /funnel?from=2026-12-06T09:00:00Z Bearer v");
    }

    @Test
    void keepsOneSocketAcrossRequestsAndOpensANewOneAfterConnectionClose() throws Exception {
        URI base = scripted((ordinal, socket) -> answerUntilClose(socket));

        try (KeepAliveConnection connection = new KeepAliveConnection(base, Duration.ofSeconds(5))) {
            assertThat(connection.postJson("/a", "{}").status()).isEqualTo(201);
            assertThat(connection.postJson("/a", "{}").status()).isEqualTo(201);
            assertThat(connection.postJson("/close", "{}")).isEqualTo(new KeepAliveConnection.Answer(503, "later"));
            assertThat(connection.postJson("/a", "{}").status()).isEqualTo(201);
        }
        assertThat(accepted.get()).as("one socket for the first three, a new one after Connection: close").isEqualTo(2);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 201 Created\\r\\nContent-Length: 10\\r\\n\\r\\n{\"id | closed after 4 of 10 bytes",
            "HTTP/1.1 201 Created\\r\\nContent-Length: ten\\r\\n\\r\\n | malformed"})
    void anAnswerCutShortOrUnreadableFailsAsAnIoFailureAndTheNextRequestReconnects(String brokenAnswer, String problem)
            throws Exception {
        URI base = scripted((ordinal, socket) -> {
            if (ordinal == 1) {
                readRequest(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)));
                socket.getOutputStream().write(brokenAnswer.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } else {
                answerUntilClose(socket);
            }
        });

        try (KeepAliveConnection connection = new KeepAliveConnection(base, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.postJson("/a", "{}")).isInstanceOf(IOException.class)
                    .hasMessageContaining(problem);
            assertThat(connection.postJson("/a", "{}").status()).isEqualTo(201);
        }
        assertThat(accepted.get()).as("a new connection after the broken one").isEqualTo(2);
    }

    /** What a scripted server does with its {@code ordinal}-th connection (from 1) before closing it. */
    private interface ConnectionScript {
        void handle(int ordinal, Socket socket) throws IOException;
    }

    /** A server taking one connection at a time and handing each to {@code script}; counts them in {@link #accepted}. */
    private URI scripted(ConnectionScript script) throws IOException {
        scripted = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!scripted.isClosed()) {
                try (Socket socket = scripted.accept()) {
                    script.handle(accepted.incrementAndGet(), socket);
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + scripted.getLocalPort());
    }

    /** An answer framed by its Content-Length. */
    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers 201 to each request, and 503 with Connection: close to a request for /close. */
    private static void answerUntilClose(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        while (true) {
            String path = readRequest(in);
            if (path == null) {
                return;
            }
            if (path.equals("/close")) {
                out.write("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 5\r\n\r\nlater"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            out.write("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    /** Reads one request (headers, then its Content-Length of body); its path, or null at the end of the stream. */
    private static String readRequest(BufferedReader in) throws IOException {
        String requestLine = in.readLine();
        if (requestLine == null) {
            return null;
        }
        int length = 0;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            if (header.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skip(length); // ISO-8859-1: one char a byte
        return requestLine.split(" ")[1];
    }
}
