using Katas.Kit.Pictures;

namespace Katas.SimpleClassifier;

/// <summary>
/// Given to you (not an exercise): draws what the network learned. Every pixel of the picture is
/// coloured by the class your <see cref="Training.Predict"/> gives its position; the points are the
/// data, coloured by their true class.
/// </summary>
public static class DecisionPlot
{
    public static void Save(Net model, Tensor x, Tensor y, string path) =>
        Plots.SaveDecisionRegions(path, grid => Training.Predict(model, grid), x, y);
}
