using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm;

/// <summary>
/// The eight parameters of PyTorch's <c>nn.RNN</c>, with PyTorch's defaults. Only InputSize and
/// HiddenSize are required: what goes in at each time step, and how wide the memory is.
/// </summary>
/// <param name="InputSize">Features per time step (1 for a single value, 28 for an image row).</param>
/// <param name="HiddenSize">Width of the hidden state h.</param>
/// <param name="NumLayers">RNNs stacked: each layer reads the outputs of the one below.</param>
/// <param name="Nonlinearity">Tanh (default) or ReLU, applied to each new state.</param>
/// <param name="Bias">Whether the layers have the biases b_ih and b_hh.</param>
/// <param name="BatchFirst">Input and output as [batch, seq, feature] instead of [seq, batch, feature].</param>
/// <param name="Dropout">Dropout probability on the outputs of every layer but the last.</param>
/// <param name="Bidirectional">Also run the sequence backwards, and put both directions' features side by side.</param>
public sealed record RnnOptions(
    int InputSize,
    int HiddenSize,
    int NumLayers = 1,
    NonLinearities Nonlinearity = NonLinearities.Tanh,
    bool Bias = true,
    bool BatchFirst = false,
    double Dropout = 0,
    bool Bidirectional = false)
{
    /// <summary>The <c>nn.RNN</c> these options describe.</summary>
    public RNN Build()
    {
        // TODO 1 — TorchSharp's nn.RNN takes the same eight parameters as PyTorch's, in this order:
        //    RNN(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional)
        //  Pass every one of them (the tests try each).
        throw new NotImplementedException("TODO 1: build the nn.RNN these options describe (RnnOptions.Build). See README step 1.");
    }
}
