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

    /// <summary>The seed's layers, as the README's table lists them, registered so that parameters() finds all 28 938.</summary>
    public Cnn() : base(nameof(Cnn))
    {
        // TODO 3 (README step 3) — the table's blocks. The sizes must fit together: the Linear layer's
        //  input is what conv2 leaves of one image, so work out the side after each layer with the
        //  README's formula before you write a number. The tests find the layers by name (conv1.0 is
        //  the first layer of the block conv1), and only once they are registered.
        throw new NotImplementedException("TODO 3: create conv1, conv2 and output (Cnn constructor). See README step 3.");
    }

    /// <param name="x">float32 [N, 1, 28, 28], on the model's device.</param>
    /// <returns>[N, 10]: one raw score (logit) per digit for every image; no softmax.</returns>
    public override Tensor forward(Tensor x)
    {
        // TODO 4 (README step 4) — the blocks in order, then the Linear layer. A Linear layer reads one
        //  row of numbers per item, while the convolutions leave a [channels, height, width] block per
        //  image: reshape without mixing the images of the batch. Raw scores, as in chapter 1.
        throw new NotImplementedException("TODO 4: write Cnn.forward (conv1 -> conv2 -> flatten -> output). See README step 4.");
    }
}
