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
        // TODO 9a — An image becomes a sequence when each row is a time step. The layers keep PyTorch's
        //  names (lstm.*, fc.*): an LSTM whose input at each step is one row of pixels and whose
        //  memory is hiddenSize wide, reading batch-first tensors, and a linear layer from that memory
        //  to the 10 digit scores.
        throw new NotImplementedException("TODO 9: create the LSTM and the Linear layer (RowLstm constructor). See README step 9.");
    }

    /// <summary>
    /// images: float32 [B, 1, 28, 28] (MNIST as <c>Mnist.Load</c> gives it), on the model's device.
    /// Returns 10 raw scores (logits, no softmax) per image: [B, 10], computed from the LSTM's
    /// output after it has read all 28 rows, top to bottom.
    /// </summary>
    public override Tensor forward(Tensor images)
    {
        // TODO 9b — The digit's class is only known once every row has been read, so only one of the
        //  28 outputs has seen the whole image. Which one it is, and where it sits in a batch-first
        //  output, is the question of this step (README, the shape table).
        throw new NotImplementedException("TODO 9: read the rows, classify from the last step (RowLstm.forward). See README step 9.");
    }
}
