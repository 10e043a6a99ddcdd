package io.github.lightgcn.internal.foldin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The gradient fold-in's loss and hand-written gradient against an independent double-precision reference written
 * from the definition (the new user as an extra node of a tiny graph, its layers summed explicitly), by central
 * finite differences for every ego coordinate.
 */
class GradientFoldInTest {

    private static final int ITEMS = 5, DIM = 3;
    private static final int[] DEGREES = {2, 1, 3, 1, 4};   // training degrees of the items
    private static final int[] LIKED = {0, 2, 3};
    private static final int[] POS = {0, 2, 3, 0}, NEG = {1, 4, 1, 4};

    private static float[] items() {
        Random r = new Random(7);
        float[] e = new float[ITEMS * DIM];
        for (int p = 0; p < e.length; p++) e[p] = (float) r.nextGaussian();
        return e;
    }

    /** u = mean over layers 0..K of the new node: layer 0 is x, each later layer the one-hop sum of frozen items. */
    private static double referenceLoss(double[] x, float[] e, int layers, double l2) {
        double[] sum = x.clone();
        for (int k = 1; k <= layers; k++) {
            for (int i : LIKED) {
                double w = 1 / Math.sqrt((double) LIKED.length * DEGREES[i]);
                for (int d = 0; d < DIM; d++) sum[d] += w * e[i * DIM + d];
            }
        }
        double loss = 0;
        for (int p = 0; p < POS.length; p++) {
            double z = 0;
            for (int d = 0; d < DIM; d++) z += sum[d] / (layers + 1) * ((double) e[NEG[p] * DIM + d] - e[POS[p] * DIM + d]);
            loss += Math.log(1 + Math.exp(z));
        }
        double reg = 0;
        for (double v : x) reg += v * v;
        return loss / POS.length + l2 / 2 * reg;
    }

    /** c = K/(K+1) · f, f the propagation fold-in vector, as the production code receives it. */
    private static double[] constant(float[] e, int layers) {
        double[] c = new double[DIM];
        for (int i : LIKED) {
            double w = 1 / Math.sqrt((double) LIKED.length * DEGREES[i]);
            for (int d = 0; d < DIM; d++) c[d] += (double) layers / (layers + 1) * w * e[i * DIM + d];
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"3, 0.0", "3, 0.5", "1, 0.1", "0, 0.1"})
    void gradientMatchesCentralDifferences(int layers, double l2) {
        float[] e = items();
        double[] x = {0.3, -0.7, 1.1};
        double[] c = constant(e, layers);
        assertEquals(referenceLoss(x, e, layers, l2), GradientFoldIn.loss(x, c, e, DIM, layers, POS, NEG, l2), 1e-12);
        double[] g = GradientFoldIn.gradient(x, c, e, DIM, layers, POS, NEG, l2);
        double h = 1e-6;
        for (int d = 0; d < DIM; d++) {
            double[] plus = x.clone(), minus = x.clone();
            plus[d] += h;
            minus[d] -= h;
            double fd = (referenceLoss(plus, e, layers, l2) - referenceLoss(minus, e, layers, l2)) / (2 * h);
            assertEquals(fd, g[d], 1e-8, "dimension " + d);
        }
    }

    @Test
    void noStepsIsTheScaledPropagationFoldIn() {
        float[] e = items();
        float[] f = {1, -2, 0.5f};
        float[] u = GradientFoldIn.userVector(e, DIM, 3, f, LIKED, new GradientFoldIn.Settings(0, 1, 0, 1));
        assertArrayEquals(new float[]{0.75f, -1.5f, 0.375f}, u, 1e-7f);
        float[] lr0 = GradientFoldIn.userVector(e, DIM, 3, f, LIKED, new GradientFoldIn.Settings(20, 0, 0, 1));
        assertArrayEquals(u, lr0);
    }

    @Test
    void stepsLowerTheLossAndRepeatForASeed() {
        float[] e = items();
        double[] c = constant(e, 3);
        float[] f = new float[DIM];
        for (int d = 0; d < DIM; d++) f[d] = (float) (c[d] * 4 / 3);
        GradientFoldIn.Settings s = new GradientFoldIn.Settings(50, 0.5, 0, 11);
        float[] u = GradientFoldIn.userVector(e, DIM, 3, f, LIKED, s);
        assertArrayEquals(u, GradientFoldIn.userVector(e, DIM, 3, f, LIKED, s));
        // the only non-liked items are 1 and 4: the fit draws its pairs from LIKED x {1, 4}, as POS x NEG are
        double[] x = new double[DIM];
        for (int d = 0; d < DIM; d++) x[d] = ((double) u[d] - c[d]) * 4;
        assertTrue(referenceLoss(x, e, 3, 0) < referenceLoss(new double[DIM], e, 3, 0));
    }

    @Test
    void settingsNameTheirRange() {
        var steps = assertThrows(IllegalArgumentException.class, () -> new GradientFoldIn.Settings(-1, 1, 0, 0));
        assertTrue(steps.getMessage().contains("steps"));
        var lr = assertThrows(IllegalArgumentException.class, () -> new GradientFoldIn.Settings(1, Double.NaN, 0, 0));
        assertTrue(lr.getMessage().contains("learningRate"));
        var l2 = assertThrows(IllegalArgumentException.class, () -> new GradientFoldIn.Settings(1, 1, -1, 0));
        assertTrue(l2.getMessage().contains("l2"));
    }
}
