package dev.lockstep.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency against load, drawn from the comparison's own {@code logins.csv}: one line per server and
 * percentile, a point per client count at the medians over the starts (logins per second served, and
 * the p50 or p99 latency at that load).
 */
final class ComparePlot {

    /** One colour per server; its p50 line solid, its p99 line dashed. */
    private static final Color[] SERVER_COLOURS = { new Color(0xC0392B), new Color(0x1F618D), new Color(0x1E8449) };

    /** One row of {@code logins.csv}: the columns the plot needs. */
    private record Row(String server, int clients, double loginsPerSecond, double p50Ms, double p99Ms) {
    }

    private ComparePlot() {
    }

    static void write(Path csv, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<Integer, List<Row>>> rows = new LinkedHashMap<>();
        List<String> table = Files.readAllLines(csv);
        for (String line : table.subList(1, table.size())) {
            String[] f = line.split(",");
            Row row = new Row(f[0], Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]));
            rows.computeIfAbsent(row.server(), s -> new TreeMap<>()).computeIfAbsent(row.clients(), c -> new ArrayList<>())
                    .add(row);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        rows.forEach((server, byClients) -> {
            // in client order, not sorted by load: a server that serves less with more clients shows it
            XYSeries p50 = new XYSeries(server + " p50", false, true);
            XYSeries p99 = new XYSeries(server + " p99", false, true);
            byClients.values().forEach(list -> {
                double rate = CompareReport.median(list.stream().map(Row::loginsPerSecond).sorted().toList());
                p50.add(rate, CompareReport.median(list.stream().map(Row::p50Ms).sorted().toList()));
                p99.add(rate, CompareReport.median(list.stream().map(Row::p99Ms).sorted().toList()));
            });
            lines.addSeries(p50);
            lines.addSeries(p99);
        });
        String clients = rows.values().iterator().next().keySet().stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        JFreeChart chart = ChartFactory.createXYLineChart("Password logins: latency against load (" + clients + " clients)",
                "logins per second (median over JVM starts)", "latency, ms", lines, PlotOrientation.VERTICAL, true,
                false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SERVER_COLOURS[(i / 2) % SERVER_COLOURS.length]);
            renderer.setSeriesStroke(i, i % 2 == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
        }
        chart.getXYPlot().setRenderer(renderer);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    }
}
