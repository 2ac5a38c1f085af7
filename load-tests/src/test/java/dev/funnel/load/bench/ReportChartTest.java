package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportChartTest {

    @Test
    void writesAPngThatDecodesWithTheLinesDrawn(@TempDir Path dir) throws Exception {
        Latencies answers = new Latencies();
        Latencies arrivals = new Latencies();
        for (int s = 0; s < 30; s++) {
            for (int i = 0; i < 100; i++) {
                answers.record(s * 1_000_000_000L + i, (5 + i % 20) * 1_000_000L);
            }
            arrivals.record(s * 1_000_000_000L, (40 + s) * 1_000_000L);
        }
        Path png = dir.resolve("report.png");

        ReportChart.write(png, "test run", answers.perSecond(30), arrivals.perSecond(30), 100, 250);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(820);
        assertThat(colours(image)).as("white, black and the series' colours, not a blank page").isGreaterThan(5);
    }

    @Test
    void drawsARunWithoutAnyAnswer(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("empty.png");

        ReportChart.write(png, "nothing accepted", new Latencies().perSecond(10), new Latencies().perSecond(10), 0, 250);

        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    private static long colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
