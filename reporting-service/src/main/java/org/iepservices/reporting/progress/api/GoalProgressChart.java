package org.iepservices.reporting.progress.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalDirection;
import org.iepservices.reporting.progress.domain.GoalMetric;
import org.iepservices.reporting.progress.domain.GoalSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGHints;
import org.iepservices.reporting.progress.domain.PlainWords;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

/**
 * A goal's data points as an SVG line chart: JFreeChart lays the chart out and draws it onto
 * JFreeSVG's {@link SVGGraphics2D}, which writes SVG elements instead of pixels. Push-in points are
 * orange triangles, pull-out points blue squares, the target a dashed green line; all three are in
 * the legend. Each point's SVG group carries the series and item index (JFreeChart element hinting),
 * so the points can be found in the document.
 */
public final class GoalProgressChart {

    static {
        // Java2D without a display: set before any AWT class initialises (the Dockerfile sets it too).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final String ALL_POINTS = "All data points";
    static final String PUSH_IN = "Push-in (classroom)";
    static final String PULL_OUT = "Pull-out (therapy room)";

    static final Color PUSH_IN_COLOUR = new Color(0xE6, 0x7E, 0x22);
    static final Color PULL_OUT_COLOUR = new Color(0x1F, 0x5F, 0xA8);
    static final Color TARGET_COLOUR = new Color(0x2E, 0x8B, 0x57);
    private static final Color LINE_COLOUR = new Color(0x88, 0x88, 0x88);

    /**
     * @param title  the chart title (the goal's wording, or its id when unknown)
     * @param target the numeric target in the metric, null when there is none (no line drawn)
     * @param points the goal's points in date order; points without a value in {@code metric} are skipped
     * @param spec   the goal's direction (a DECREASE goal says "lower is better" on its axis and target) and
     *               rubric scale (the axis of a SCORE chart spans it)
     */
    public record Data(String title, GoalMetric metric, Double target, List<GoalDataPoint> points, GoalSpec spec) {

        public Data {
            spec = spec == null ? GoalSpec.UNKNOWN : spec;
        }

        /** A goal where higher is better. */
        public Data(String title, GoalMetric metric, Double target, List<GoalDataPoint> points) {
            this(title, metric, target, points, GoalSpec.UNKNOWN);
        }
    }

    private GoalProgressChart() {
    }

    public static String svg(Data data, int width, int height) {
        JFreeChart chart = chart(data);
        chart.setElementHinting(true);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // Ids of clip paths and gradients: JFreeSVG's default prefix is the clock's nanoseconds, so the
        // same data would give another document each time (and a rebuilt read model another answer).
        g2.setDefsKeyPrefix("goal-chart-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // The bare element: no DOCTYPE pointing at a remote DTD that XML parsers would try to fetch.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement();
    }

    static JFreeChart chart(Data data) {
        XYSeries all = new XYSeries(ALL_POINTS, false, true);
        XYSeries pushIn = new XYSeries(PUSH_IN, false, true);
        XYSeries pullOut = new XYSeries(PULL_OUT, false, true);
        for (GoalDataPoint p : data.points()) {
            Double value = p.valueIn(data.metric());
            if (value == null || p.date() == null) {
                continue;
            }
            double x = millis(p.date());
            all.add(x, value);
            (p.setting() == ServiceSetting.PUSH_IN ? pushIn : pullOut).add(x, value);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(all);
        dataset.addSeries(pushIn);
        dataset.addSeries(pullOut);

        XYLineAndShapeRenderer renderer = new PointMarkingRenderer(data.metric());
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, LINE_COLOUR);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesVisibleInLegend(0, false);
        style(renderer, 1, triangle(), PUSH_IN_COLOUR);
        style(renderer, 2, new Rectangle2D.Double(-4.5, -4.5, 9, 9), PULL_OUT_COLOUR);

        DateAxis dates = new DateAxis("Session date");
        dates.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        dates.setDateFormatOverride(utcFormat());
        boolean lower = data.spec().direction() == GoalDirection.DECREASE;
        NumberAxis values = new NumberAxis(axisLabel(data.metric()) + (lower ? " (lower is better)" : ""));
        if (data.metric() == GoalMetric.PERCENT) {
            values.setRange(0, 100);
        } else if (data.metric() == GoalMetric.SCORE && data.spec().scaleMin() != null
                && data.spec().scaleMax() != null) {
            values.setRange(data.spec().scaleMin(), data.spec().scaleMax());
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        } else {
            values.setAutoRangeIncludesZero(true);
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }

        XYPlot plot = new XYPlot(dataset, dates, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setNoDataMessage("No data recorded for this goal yet");

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(PUSH_IN, triangle(), PUSH_IN_COLOUR));
        legend.add(legendItem(PULL_OUT, new Rectangle2D.Double(-4.5, -4.5, 9, 9), PULL_OUT_COLOUR));
        if (data.target() != null) {
            ValueMarker target = new ValueMarker(data.target(), TARGET_COLOUR,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{8f, 5f}, 0f));
            target.setLabel("Target " + (lower ? "\u2264 " : "") + label(data.target(), data.metric()));
            target.setLabelPaint(TARGET_COLOUR);
            target.setLabelBackgroundColor(Color.WHITE);
            target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(target);
            LegendItem item = new LegendItem("IEP target (" + (lower ? "at most " : "")
                    + label(data.target(), data.metric()) + (lower ? "; lower is better" : "") + ")", null, null,
                    null, new Line2D.Double(-8, 0, 8, 0), target.getStroke(), TARGET_COLOUR);
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(data.title(), new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Wraps each push-in / pull-out marker in an SVG group with an id and a title ("September 15,
     * 2026, pull-out: 40%"): a tooltip in browsers, text for screen readers, and a handle for tests.
     */
    private static final class PointMarkingRenderer extends XYLineAndShapeRenderer {

        private final GoalMetric metric;

        PointMarkingRenderer(GoalMetric metric) {
            this.metric = metric;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            boolean marker = series > 0 && isItemPass(pass);
            if (marker) {
                LocalDate date = Instant.ofEpochMilli((long) dataset.getXValue(series, item)).atZone(ZoneOffset.UTC)
                        .toLocalDate();
                String setting = series == 1 ? "push-in" : "pull-out";
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "point-" + setting + "-" + date + "-" + item);
                g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, PlainWords.date(date) + ", " + setting + ": "
                        + label(dataset.getYValue(series, item), metric));
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            if (marker) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
            }
        }
    }

    private static void style(XYLineAndShapeRenderer renderer, int series, Shape shape, Color colour) {
        renderer.setSeriesLinesVisible(series, false);
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesShape(series, shape);
        renderer.setSeriesPaint(series, colour);
    }

    private static LegendItem legendItem(String label, Shape shape, Color colour) {
        LegendItem item = new LegendItem(label, colour);
        item.setShape(shape);
        item.setShapeVisible(true);
        item.setLineVisible(false);
        item.setFillPaint(colour);
        return item;
    }

    private static Shape triangle() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -5.5);
        path.lineTo(5.5, 4.5);
        path.lineTo(-5.5, 4.5);
        path.closePath();
        return path;
    }

    private static java.text.DateFormat utcFormat() {
        java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("MMM d", java.util.Locale.US);
        format.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        return format;
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String axisLabel(GoalMetric metric) {
        return switch (metric) {
            case PERCENT -> "Percent correct / observed";
            case COUNT -> "Count per session";
            case SECONDS -> "Duration (seconds)";
            case MINUTES -> "Duration (minutes)";
            case SCORE -> "Rubric score";
        };
    }

    private static String label(double value, GoalMetric metric) {
        return PlainWords.value(value, metric);
    }
}
