package dev.funnel.load.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection used by one thread at a time: write a request, read its whole answer,
 * and go again on the same socket.
 *
 * <p>Why not {@link java.net.http.HttpClient}: the bench shares two cores with everything it measures, and
 * the JDK client cost about a third of a core at 1,000 POSTs/s (its selector thread, futures and per-request
 * objects), CPU the services then did not get. A blocking socket per worker costs a fraction of that, and it
 * holds exactly the number of connections the report states.
 *
 * <p>It speaks only what the bench needs: a GET, or a POST with a JSON body; an answer framed by
 * {@code Content-Length} or chunked, {@code Connection: close} honoured. A connection that failed, or that
 * answered something it cannot read, is closed, and the next request opens a new one.
 */
final class KeepAliveConnection implements Closeable {

    /** A status and the body as text. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI server, Duration timeout) {
        this.host = server.getHost();
        this.port = server.getPort() > 0 ? server.getPort() : 80;
        this.hostHeader = host + ":" + port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /**
     * Sends {@code POST path} with a JSON body and the given header lines ({@code "Name: value"}), and waits
     * for the answer.
     *
     * @throws IOException when the connection failed or the answer could not be read; the connection is closed
     */
    Answer postJson(String path, String body, String... headerLines) throws IOException {
        return exchange("POST", path, body.getBytes(StandardCharsets.UTF_8), headerLines);
    }

    /** Sends {@code GET path} with the given header lines, and waits for the answer. */
    Answer get(String path, String... headerLines) throws IOException {
        return exchange("GET", path, null, headerLines);
    }

    private Answer exchange(String method, String path, byte[] content, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\nAccept: application/json\r\n");
        if (content != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        try {
            open();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            return readAnswer();
        } catch (NumberFormatException e) {
            close();
            throw new IOException("a malformed HTTP answer: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        if (socket != null) {
            return;
        }
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(opened.getInputStream(), 8192);
            out = new BufferedOutputStream(opened.getOutputStream(), 8192);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        // "HTTP/1.1 201 Created"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        String body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = new String(exactly(length), StandardCharsets.UTF_8);
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = "";
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8); // framed by the close
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Answer(status, body);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            long chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (chunk == 0) {
                while (!line().isEmpty()) {
                    // trailers, not used
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(exactly(chunk));
            line(); // the CRLF after the chunk's data
        }
    }

    private byte[] exactly(long length) throws IOException {
        if (length > 16 * 1024 * 1024) {
            throw new IOException("an answer of " + length + " bytes is more than the bench reads");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException("the connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > 16 * 1024) {
                throw new IOException("a header line over 16 KiB");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do with it
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
