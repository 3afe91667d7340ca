using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm;

/// <summary>
/// The eight parameters of PyTorch's <c>nn.RNN</c>, with PyTorch's defaults. Only InputSize and
/// HiddenSize are required: what goes in at each time step, and how wide the memory is.
/// </summary>
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
    public RNN Build() => RNN(InputSize, HiddenSize, NumLayers, Nonlinearity, Bias, BatchFirst, Dropout, Bidirectional);
}
