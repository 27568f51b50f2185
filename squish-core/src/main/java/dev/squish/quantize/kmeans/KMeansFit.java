package dev.squish.quantize.kmeans;

/**
 * A k-means solution in the working space.
 *
 * @param centers {@code k} centres, {@code centers[j * dimensions + c]}
 * @param k number of centres
 * @param labels for each point, the centre it was assigned to in the last assignment step
 * @param objective weighted sum of squared distances of the last assignment step
 * @param iterations assignment steps run
 * @param converged true when the tolerance was met (or no point changed cluster) before the cap
 * @param objectiveHistory the objective after each assignment step
 * @param reseeded how many times an empty cluster was moved to the worst-fitted point
 * @param fixed how many leading centres were held in place (pinned, e.g. the fully transparent colour)
 */
public record KMeansFit(
    double[] centers, int k, int[] labels, double objective, int iterations, boolean converged,
    double[] objectiveHistory, int reseeded, int fixed) {}
