package io.github.lightgcn.examples.training;

import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.examples.cli.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the training loss of every epoch and the monitored metric of every evaluation, and draws them as a PNG
 * with XChart: loss on the left axis, the validation metric on the right, epochs along the bottom.
 */
final class TrainingCurves implements TrainingListener {

    private final String metricLabel;
    private final List<Double> lossEpochs = new ArrayList<>(), losses = new ArrayList<>();
    private final List<Double> evalEpochs = new ArrayList<>(), metric = new ArrayList<>();

    /** @param metricLabel the monitored metric and graph, e.g. {@code val ndcg@20} */
    TrainingCurves(String metricLabel) {
        this.metricLabel = metricLabel;
    }

    @Override
    public void onEpoch(EpochStats s) {
        lossEpochs.add((double) s.epoch());
        losses.add(s.loss());
    }

    @Override
    public void onEvaluation(EvaluationStats s) {
        evalEpochs.add((double) s.epoch());
        metric.add(s.monitoredValue());
    }

    int epochs() { return losses.size(); }

    /** Writes the chart as a PNG (800 x 500); nothing to draw yet is an error. */
    void writePng(Path file, String title) throws IOException {
        if (losses.isEmpty()) throw new IllegalStateException("no epoch recorded");
        System.setProperty("java.awt.headless", "true"); // never open a window (CI, ssh)
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.setYAxisGroupTitle(0, "loss (BPR + L2)");
        XYSeries loss = chart.addSeries("training loss", lossEpochs, losses);
        loss.setMarker(SeriesMarkers.NONE);
        loss.setLineColor(new Color(0x1f77b4));
        loss.setYAxisGroup(0);
        if (!metric.isEmpty()) {
            chart.setYAxisGroupTitle(1, metricLabel);
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            XYSeries m = chart.addSeries(metricLabel, evalEpochs, metric);
            m.setMarker(SeriesMarkers.CIRCLE);
            m.setLineColor(new Color(0xd62728));
            m.setMarkerColor(new Color(0xd62728));
            m.setYAxisGroup(1);
        }
        // the bytes, not saveBitmap(name): that one appends ".png" to a name without it; saved all or nothing
        AtomicFile.write(file, "the training curves", BitmapEncoder.getBitmapBytes(chart,
                BitmapEncoder.BitmapFormat.PNG));
    }
}
