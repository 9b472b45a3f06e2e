package dev.lockstep.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency against load, one line per server and percentile: each point is one client count's median
 * over the starts (logins per second served, and the latency at that load), from the same figures the
 * report prints.
 */
final class ComparePlot {

    /** One colour per server; its p50 line solid, its p99 line dashed. */
    private static final Color[] SERVER_COLOURS = {new Color(0xC0392B), new Color(0x1F618D), new Color(0x1E8449)};

    private ComparePlot() {
    }

    static void write(Map<String, List<CompareReport.Point>> points, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection lines = new XYSeriesCollection();
        points.forEach((server, list) -> {
            XYSeries p50 = new XYSeries(server + " p50");
            XYSeries p99 = new XYSeries(server + " p99");
            for (CompareReport.Point point : list) {
                p50.add(point.loginsPerSecond(), point.p50Ms());
                p99.add(point.loginsPerSecond(), point.p99Ms());
            }
            lines.addSeries(p50);
            lines.addSeries(p99);
        });
        String clients = points.values().iterator().next().stream().map(p -> Integer.toString(p.clients()))
                .collect(Collectors.joining(", "));
        JFreeChart chart = ChartFactory.createXYLineChart("Password logins: latency against load (" + clients + " clients)",
                "logins per second (median over JVM starts)", "latency, ms", lines, PlotOrientation.VERTICAL, true,
                false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SERVER_COLOURS[(i / 2) % SERVER_COLOURS.length]);
            renderer.setSeriesStroke(i, i % 2 == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        chart.getXYPlot().setRenderer(renderer);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    }
}
