using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>What TensorBoard shows besides curves: the data and the model.</summary>
public static class Visuals
{
    public const string DigitsTag = "Inputs";
    public const int DigitsPerRow = 8;

    /// <summary>
    /// Logs a batch of digits <paramref name="images"/> [N, 1, 28, 28] (float32 in [0, 1]) as one picture
    /// under <see cref="DigitsTag"/> at <paramref name="step"/>: a grid of <see cref="DigitsPerRow"/>
    /// digits per row with 2-pixel borders, as torchvision's make_grid draws it.
    /// </summary>
    public static void LogDigits(SummaryWriter writer, Tensor images, long step = 0)
    {
        // TODO 5 — An image summary holds one picture, [channels, height, width]; a batch has to become
        //  one picture first. TensorBoard expects float pixels in [0, 1], which MNIST's already are.
        throw new NotImplementedException("TODO 5: log the digits as one grid image (Visuals.LogDigits). See README step 5.");
    }

    /// <summary>
    /// Logs <paramref name="model"/>'s structure for the Graphs tab, traced by running
    /// <paramref name="sampleImages"/> [1, 1, 28, 28] through it once (on the model's device).
    /// </summary>
    public static void LogModel(SummaryWriter writer, Cnn model, Tensor sampleImages)
    {
        // TODO 6 — A graph is recorded by watching, not by reading code: the writer runs the sample
        //  through the model and notes every layer it passes and the shapes that flow between them.
        throw new NotImplementedException("TODO 6: log the model graph (Visuals.LogModel). See README step 6.");
    }
}
