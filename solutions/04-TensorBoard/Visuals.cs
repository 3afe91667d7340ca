using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>What TensorBoard shows besides curves: the data and the model.</summary>
public static class Visuals
{
    public const string DigitsTag = "Inputs";
    public const int DigitsPerRow = 8;

    public static void LogDigits(SummaryWriter writer, Tensor images, long step = 0)
    {
        using var grid = torchvision.utils.make_grid(images, nrow: DigitsPerRow);
        writer.add_image(DigitsTag, grid, step);
    }

    public static void LogModel(SummaryWriter writer, Cnn model, Tensor sampleImages) =>
        writer.add_graph(model, sampleImages);
}
