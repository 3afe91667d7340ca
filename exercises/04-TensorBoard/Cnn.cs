using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.TensorBoard;

/// <summary>
/// Given to you (not an exercise): the CNN of chapter 2, copied so that this chapter stands alone.
/// conv1 = Conv2d(1 -> 16, kernel 5, stride 2, padding 2) + ReLU + MaxPool2d(2): [N, 16, 7, 7];
/// conv2 = Conv2d(16 -> 32, kernel 5, padding 2) + ReLU: [N, 32, 7, 7]; flatten; Linear(32*7*7 -> 10).
/// </summary>
public sealed class Cnn : Module<Tensor, Tensor>
{
    public readonly Sequential conv1;
    public readonly Sequential conv2;
    public readonly Linear output; // the source calls it `out`, a keyword in C#

    public Cnn() : base(nameof(Cnn))
    {
        conv1 = Sequential(Conv2d(1, 16, kernel_size: 5, stride: 2, padding: 2), ReLU(), MaxPool2d(kernel_size: 2));
        conv2 = Sequential(Conv2d(16, 32, kernel_size: 5, stride: 1, padding: 2), ReLU());
        output = Linear(32 * 7 * 7, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        // call(x) is PyTorch's module(x): it runs the module's hooks, and add_graph watches the
        // layers through hooks. forward(x) would run the layer but hide it from add_graph.
        x = conv1.call(x);
        x = conv2.call(x);
        x = x.view(x.size(0), -1); // [N, 32, 7, 7] -> [N, 1568]
        return output.call(x);
    }
}
