package org.iepservices.reporting.progress.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalMetric;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class GoalProgressChartTest {

    private static GoalDataPoint point(String date, ServiceSetting setting, double percent) {
        return new GoalDataPoint(UUID.randomUUID(), UUID.randomUUID(), LocalDate.parse(date), setting, "TRIALS", null,
                null, percent, null, null, null, null, null, null);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The titles of the point groups ("September 15, 2026, pull-out: 40%"). */
    static List<String> pointTitles(Document svg) {
        List<String> titles = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").startsWith("point-")) {
                titles.add(g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
            }
        }
        return titles;
    }

    @Test
    void rendersHeadlessAsWellFormedSvgWithEveryPointMarkedBySettingAndTheTargetLine() throws Exception {
        String svg = GoalProgressChart.svg(new GoalProgressChart.Data("Produce /r/ in words <initial> & medial",
                GoalMetric.PERCENT, 80.0, List.of(point("2026-09-15", ServiceSetting.PULL_OUT, 40),
                point("2026-09-17", ServiceSetting.PUSH_IN, 55), point("2026-09-22", ServiceSetting.PULL_OUT, 62.5))),
                640, 400);
        assertTrue(GraphicsEnvironment.isHeadless(), "charts are drawn without a display");
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());

        assertEquals(List.of("September 15, 2026, pull-out: 40%", "September 22, 2026, pull-out: 62.5%",
                "September 17, 2026, push-in: 55%"), pointTitles(doc));
        // push-in markers are orange, pull-out markers blue
        assertTrue(svg.contains("<g id='point-push-in-2026-09-17-0'><title>September 17, 2026, push-in: 55%</title>"
                + "<g style='fill:rgb(230,126,34)"), svg);
        assertTrue(svg.contains("<g id='point-pull-out-2026-09-15-0'><title>September 15, 2026, pull-out: 40%</title>"
                + "<g style='fill:rgb(31,95,168)"), svg);
        // the target: a dashed green horizontal line, labelled, and in the legend with both settings
        assertTrue(svg.matches("(?s).*<line [^>]*y1='([0-9.]+)'[^>]*y2='\\1'[^>]*stroke:rgb\\(46,139,87\\)[^>]*"
                + "stroke-dasharray:8.0,5.0.*"), "a dashed target line");
        assertTrue(svg.contains(">Target 80%<"), svg);
        assertTrue(svg.contains(">IEP target (80%)<"), svg);
        assertTrue(svg.contains(">Push-in (classroom)<"), svg);
        assertTrue(svg.contains(">Pull-out (therapy room)<"), svg);
        // the title is escaped by the SVG writer
        assertTrue(svg.contains("Produce /r/ in words &lt;initial&gt; &amp; medial"), svg);
    }

    @Test
    void noTargetNoLineAndNoDataSaysSo() throws Exception {
        String svg = GoalProgressChart.svg(new GoalProgressChart.Data("Turn taking", GoalMetric.COUNT, null,
                List.of()), 400, 300);
        Document doc = parse(svg);
        assertTrue(pointTitles(doc).isEmpty());
        assertFalse(svg.contains("IEP target"), svg);
        assertFalse(svg.contains("stroke:rgb(46,139,87)"), svg);
        assertTrue(svg.contains("No data recorded for this goal yet"), svg);
    }

    @Test
    void theSameDataDrawsTheSameDocument() throws Exception {
        GoalProgressChart.Data data = new GoalProgressChart.Data("Retell a story", GoalMetric.PERCENT, 80.0,
                List.of(point("2026-09-15", ServiceSetting.PULL_OUT, 40), point("2026-09-17", ServiceSetting.PUSH_IN, 55)));
        String first = GoalProgressChart.svg(data, 640, 400);
        Thread.sleep(2); // the library's default ids come from the clock
        assertEquals(first, GoalProgressChart.svg(data, 640, 400));
        assertTrue(first.contains("url(#goal-chart-"), first);
    }
}
