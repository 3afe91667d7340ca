using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.MnistCnn;

/// <summary>The CNN of chapter 2: two convolution blocks and a linear layer, one raw score per digit.</summary>
public sealed class Cnn : Module<Tensor, Tensor>
{
    public readonly Sequential conv1;
    public readonly Sequential conv2;
    public readonly Linear output;

    public Cnn() : base(nameof(Cnn))
    {
        // [N, 1, 28, 28] -> stride 2 -> [N, 16, 14, 14] -> pool -> [N, 16, 7, 7]
        conv1 = Sequential(Conv2d(1, 16, kernel_size: 5, stride: 2, padding: 2), ReLU(), MaxPool2d(kernel_size: 2));
        // padding 2 keeps a 5x5 kernel from shrinking the 7x7 map: [N, 32, 7, 7]
        conv2 = Sequential(Conv2d(16, 32, kernel_size: 5, stride: 1, padding: 2), ReLU());
        output = Linear(32 * 7 * 7, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => output.forward(conv2.forward(conv1.forward(x)).flatten(1));
}
