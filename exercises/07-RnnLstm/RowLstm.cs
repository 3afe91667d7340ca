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
        // TODO 9a — an LSTM that reads one row (Columns numbers) per time step, batch first;
        //  (the code itself: hint level 3)
        throw new NotImplementedException("TODO 9: create the LSTM and the Linear layer (RowLstm constructor). See README step 9.");
    }

    /// <summary>images: [B, 1, 28, 28]. Returns 10 raw scores per image: [B, 10].</summary>
    public override Tensor forward(Tensor images)
    {
        // TODO 9b — images.reshape(-1, Rows, Columns): [B, 28 time steps, 28 values per step].
        //  var (output, hN, cN) = lstm.forward(rows);   output: [B, 28, hidden], batch first
        //  The output after the last row has seen the whole image: fc.forward(output[.., -1, ..]).
        throw new NotImplementedException("TODO 9: read the rows, classify from the last step (RowLstm.forward). See README step 9.");
    }
}
