using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>What TensorBoard shows besides curves: the data and the model.</summary>
public static class Visuals
{
    public const string DigitsTag = "Inputs";
    public const int DigitsPerRow = 8;

    /// <summary>Logs a batch of digits ([N, 1, 28, 28]) as one picture under <see cref="DigitsTag"/>, <see cref="DigitsPerRow"/> per row.</summary>
    public static void LogDigits(SummaryWriter writer, Tensor images, long step = 0)
    {
        // TODO 5 — add_image takes ONE image, [channels, height, width]. Make the batch one picture
        //  first, as PyTorch's TensorBoard tutorial does:
        //      grid = torchvision.utils.make_grid(images, nrow=8)     // [3, H, W], 2-pixel black borders
        //      writer.add_image('Inputs', grid, step)
        //  (torchvision is TorchSharp.torchvision; make_grid takes nrow: DigitsPerRow.)
        throw new NotImplementedException("TODO 5: log the digits as one grid image (Visuals.LogDigits). See README step 5.");
    }

    /// <summary>Logs the model's structure for the Graphs tab, traced on <paramref name="sampleImages"/>.</summary>
    public static void LogModel(SummaryWriter writer, Cnn model, Tensor sampleImages)
    {
        // TODO 6 — PyTorch: writer.add_graph(model, input_to_model). The writer runs the sample
        //  through the model once and records every layer it passes.
        throw new NotImplementedException("TODO 6: log the model graph (Visuals.LogModel). See README step 6.");
    }
}
