package dev.funnel.load.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The report's picture, drawn with plain java.awt (headless): accepted leads a second above, the
 * latency percentiles of each second below, on a shared time axis.
 */
final class ReportChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 820;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final Color POST_P50 = new Color(0x1f77b4);
    private static final Color POST_P99 = new Color(0xaec7e8);
    private static final Color E2E_P50 = new Color(0xd62728);
    private static final Color E2E_P99 = new Color(0xff9896);
    private static final Color TARGET = new Color(0x2ca02c);

    private ReportChart() {
    }

    /**
     * @param answers    the 201s of each second: count and POST latency
     * @param arrivals   the sampled leads of each second: end-to-end latency
     * @param targetRate the set rate, drawn as a line; 0 for none
     * @param targetP99  the end-to-end p99 target in ms, drawn as a line
     */
    static void write(Path png, String title, List<Latencies.Figures> answers, List<Latencies.Figures> arrivals,
                      int targetRate, double targetP99) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 28);
            int seconds = Math.max(answers.size(), 1);

            Panel throughput = new Panel(g, 60, 360, seconds,
                    Math.max(targetRate, max(answers, f -> f.count())), "accepted leads/s");
            throughput.axes();
            if (targetRate > 0) {
                throughput.level(targetRate, TARGET, "set rate " + targetRate + "/s");
            }
            throughput.line(answers, f -> f.count(), POST_P50, false);
            throughput.legend(List.of("201s a second"), List.of(POST_P50));

            double top = Math.max(targetP99, Math.max(max(answers, Latencies.Figures::p99),
                    max(arrivals, Latencies.Figures::p99)));
            Panel latency = new Panel(g, 440, 740, seconds, top, "latency, ms");
            latency.axes();
            latency.level(targetP99, TARGET, "end-to-end p99 target " + (int) targetP99 + " ms");
            latency.line(answers, Latencies.Figures::p99, POST_P99, true);
            latency.line(answers, Latencies.Figures::p50, POST_P50, true);
            latency.line(arrivals, Latencies.Figures::p99, E2E_P99, true);
            latency.line(arrivals, Latencies.Figures::p50, E2E_P50, true);
            latency.legend(List.of("POST p50", "POST p99", "end-to-end p50", "end-to-end p99"),
                    List.of(POST_P50, POST_P99, E2E_P50, E2E_P99));

            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("seconds of the measured run", WIDTH / 2 - 80, HEIGHT - 40);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    private static double max(List<Latencies.Figures> rows, ToDoubleFunction<Latencies.Figures> value) {
        return rows.stream().mapToDouble(value).max().orElse(0);
    }

    /** One plot area: x is the second of the run, y runs from 0 to a rounded-up top. */
    private static final class Panel {
        private final Graphics2D g;
        private final int y0;
        private final int y1;
        private final int seconds;
        private final double top;
        private final String label;

        Panel(Graphics2D g, int y0, int y1, int seconds, double max, String label) {
            this.g = g;
            this.y0 = y0;
            this.y1 = y1;
            this.seconds = seconds;
            this.top = niceTop(max);
            this.label = label;
        }

        void axes() {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i <= 5; i++) {
                double value = top * i / 5;
                int y = y(value);
                g.setColor(new Color(0xe6e6e6));
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
                g.setColor(Color.DARK_GRAY);
                String text = value >= 10 || value == 0 ? String.format("%,.0f", value) : String.format("%.1f", value);
                g.drawString(text, LEFT - 8 - g.getFontMetrics().stringWidth(text), y + 4);
            }
            int step = Math.max(1, (int) Math.ceil(seconds / 12.0 / 5) * 5);
            for (int s = 0; s <= seconds; s += step) {
                g.drawString(Integer.toString(s), x(s) - 4, y1 + 16);
            }
            g.setColor(Color.BLACK);
            g.drawLine(LEFT, y1, WIDTH - RIGHT, y1);
            g.drawLine(LEFT, y0, LEFT, y1);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(label, LEFT, y0 - 8);
        }

        void level(double value, Color color, String text) {
            Stroke plain = g.getStroke();
            g.setColor(color);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(LEFT, y(value), WIDTH - RIGHT, y(value));
            g.setStroke(plain);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(text, WIDTH - RIGHT - 8 - g.getFontMetrics().stringWidth(text), y(value) - 4);
        }

        /** A line through each second's value; with {@code skipEmpty}, seconds without values leave a gap. */
        void line(List<Latencies.Figures> rows, ToDoubleFunction<Latencies.Figures> value, Color color,
                  boolean skipEmpty) {
            Stroke plain = g.getStroke();
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            Integer lastX = null;
            Integer lastY = null;
            for (Latencies.Figures row : rows) {
                if (skipEmpty && row.count() == 0) {
                    lastX = null;
                    continue;
                }
                int x = x(row.second() + 0.5);
                int y = y(value.applyAsDouble(row));
                if (lastX != null) {
                    g.drawLine(lastX, lastY, x, y);
                } else {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
                lastX = x;
                lastY = y;
            }
            g.setStroke(plain);
        }

        void legend(List<String> names, List<Color> colors) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int x = LEFT + 180;
            for (int i = 0; i < names.size(); i++) {
                g.setColor(colors.get(i));
                g.fillRect(x, y0 - 18, 18, 4);
                g.setColor(Color.BLACK);
                g.drawString(names.get(i), x + 24, y0 - 12);
                x += 40 + g.getFontMetrics().stringWidth(names.get(i));
            }
        }

        private int x(double second) {
            return LEFT + (int) Math.round(second * (WIDTH - LEFT - RIGHT) / seconds);
        }

        private int y(double value) {
            return y1 - (int) Math.round(Math.min(value, top) * (y1 - y0) / top);
        }

        /** 1, 2 or 5 times a power of ten, at least {@code max}, so the grid lines fall on round numbers. */
        private static double niceTop(double max) {
            if (max <= 0) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(max)));
            for (double step : new double[] {1, 2, 5, 10}) {
                if (step * power >= max) {
                    return step * power;
                }
            }
            return 10 * power;
        }
    }
}
