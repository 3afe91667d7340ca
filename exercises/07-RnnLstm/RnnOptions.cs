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
    /// <summary>
    /// The <c>nn.RNN</c> these options describe: a new module with freshly initialised weights,
    /// on the CPU, in training mode. Every option of this record must reach it, each in its own
    /// place: the tests build variants and look at the parameters and the shapes they produce.
    /// </summary>
    public RNN Build()
    {
        // TODO 1 — Knowing what each of the eight knobs does, and which ones change the shapes of
        //  output and h_n, is what lets you read any recurrent model's code later. A forgotten option
        //  does not fail loudly: the network just quietly becomes a different one.
        throw new NotImplementedException("TODO 1: build the nn.RNN these options describe (RnnOptions.Build). See README step 1.");
    }
}
