package org.iepservices.reporting.progress.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalMetric;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class GoalProgressChartTest {

    private static GoalDataPoint point(String date, ServiceSetting setting, double percent) {
        return new GoalDataPoint(UUID.randomUUID(), UUID.randomUUID(), LocalDate.parse(date), setting, "TRIALS", null,
                null, percent, null, null, null, null, null, null);
    }

    @Test
    void dump() throws Exception {
        String svg = GoalProgressChart.svg(new GoalProgressChart.Data("Produce /r/ in words", GoalMetric.PERCENT, 80.0,
                List.of(point("2026-09-15", ServiceSetting.PULL_OUT, 40), point("2026-09-17", ServiceSetting.PUSH_IN, 55),
                        point("2026-09-22", ServiceSetting.PULL_OUT, 62))), 640, 400);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/chart.svg"), svg);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        GoalProgressChart.chart(new GoalProgressChart.Data("Produce /r/ in words", GoalMetric.PERCENT, 80.0,
                List.of(point("2026-09-15", ServiceSetting.PULL_OUT, 40), point("2026-09-17", ServiceSetting.PUSH_IN, 55),
                        point("2026-09-22", ServiceSetting.PULL_OUT, 62)))).draw(g, new java.awt.Rectangle(0,0,640,400));
        javax.imageio.ImageIO.write(img, "png", new java.io.File("/tmp/chart.png"));
    }
}
