package io.github.lightgcn.bench.reproduce;

import io.github.lightgcn.bench.reproduce.Reproduce.Curve;
import io.github.lightgcn.bench.reproduce.ResultsTable.Run;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The test recall@20 of each Gowalla run against epochs, with the paper's figures as dashed lines, as a PNG. */
final class RecallCurves {

    private RecallCurves() {}

    static void write(List<Run> runs, Map<String, double[]> paper, Path file) throws IOException {
        List<Run> gowalla = runs.stream().filter(r -> r.dataset().equals("gowalla") && r.curve().size() > 1).toList();
        if (gowalla.isEmpty()) return;
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("LightGCN on Gowalla (paper split): test recall@20").xAxisTitle("epoch").yAxisTitle("recall@20")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        int maxEpoch = 0;
        for (Run run : gowalla) {
            List<Curve.Row> c = run.curve();
            XYSeries s = chart.addSeries(run.name() + (run.finished() ? "" : " (in progress)"),
                    c.stream().mapToDouble(Curve.Row::epoch).toArray(), c.stream().mapToDouble(Curve.Row::recall).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
            maxEpoch = Math.max(maxEpoch, c.get(c.size() - 1).epoch());
        }
        double[] xs = {0, Math.max(maxEpoch, 100)};
        for (Run run : gowalla) {
            double[] published = paper.get(run.key());
            if (published == null || chart.getSeriesMap().containsKey("paper " + run.key())) continue;
            XYSeries s = chart.addSeries("paper " + run.key(), xs, new double[]{published[0], published[0]});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
        XYSeries target = chart.addSeries("recall 0.175", xs,
                new double[]{ResultsTable.MILESTONE_RECALL, ResultsTable.MILESTONE_RECALL});
        target.setMarker(SeriesMarkers.NONE);
        target.setLineStyle(SeriesLines.DOT_DOT);
        target.setLineColor(Color.GRAY);
        Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
