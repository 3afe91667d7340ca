using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm;

/// <summary>
/// Reads an MNIST image as a sequence: 28 time steps, one row of 28 pixels each. An LSTM carries
/// what it has seen so far; after the last row, a Linear layer turns its output into 10 scores.
/// </summary>
public sealed class RowLstm : Module<Tensor, Tensor>
{
    public const int Rows = 28;
    public const int Columns = 28;

    public readonly LSTM lstm;
    public readonly Linear fc;

    public RowLstm(int hiddenSize = 96) : base(nameof(RowLstm))
    {
        lstm = LSTM(inputSize: Columns, hiddenSize: hiddenSize, batchFirst: true);
        fc = Linear(hiddenSize, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        // [B, 1, 28, 28] -> [B, 28 steps, 28 values]; batch_first, so the batch stays in front.
        var rows = images.reshape(-1, Rows, Columns);
        var (output, _, _) = lstm.forward(rows);
        // The output after the last row has read the whole image.
        return fc.forward(output[.., -1, ..]);
    }
}
