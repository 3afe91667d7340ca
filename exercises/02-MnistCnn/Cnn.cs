using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.MnistCnn;

/// <summary>The CNN of chapter 2: two convolution blocks and a linear layer, one raw score per digit.</summary>
public sealed class Cnn : Module<Tensor, Tensor>
{
    // TorchSharp names parameters after these fields: conv1.0.weight is the first layer of conv1.
    public readonly Sequential conv1;
    public readonly Sequential conv2;
    public readonly Linear output;

    public Cnn() : base(nameof(Cnn))
    {
        // TODO 3 — the seed's layers, as PyTorch's nn.Sequential blocks:
        //  (the code itself: hint level 3)
        //  then RegisterComponents(). Work out why the image is 7x7 after conv1 (README step 3).
        throw new NotImplementedException("TODO 3: create conv1, conv2 and output (Cnn constructor). See README step 3.");
    }

    public override Tensor forward(Tensor x)
    {
        // TODO 4 — conv1, conv2, flatten every image into one row, output:
        //    output.forward(conv2.forward(conv1.forward(x)).flatten(1))
        //  flatten(1) keeps dimension 0 (the batch): [N, 32, 7, 7] -> [N, 1568]. No softmax (chapter 1).
        throw new NotImplementedException("TODO 4: write Cnn.forward (conv1 -> conv2 -> flatten -> output). See README step 4.");
    }
}
