using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg;

/// <summary>
/// Given to you (not an exercise): VGG-16 the long way, as the seed first writes it: thirteen
/// attributes conv1..conv13 (each Conv2d + BatchNorm2d + ReLU, five of them ending in a max-pool),
/// a thirteen-line forward, and <c>out</c>. It works, but the structure hides in repetition.
/// <see cref="VggLayers.MakeLayers"/> builds the same layers from one line of config; a test shows
/// the two are the same network.
/// </summary>
public sealed class LongVgg16 : Module<Tensor, Tensor>
{
    public readonly Sequential conv1, conv2, conv3, conv4, conv5, conv6, conv7, conv8, conv9, conv10, conv11, conv12, conv13;
    public readonly Linear @out;

    public LongVgg16(int numClasses = 1000) : base(nameof(LongVgg16))
    {
        conv1 = Block(3, 64);
        conv2 = Block(64, 64, pool: true);
        conv3 = Block(64, 128);
        conv4 = Block(128, 128, pool: true);
        conv5 = Block(128, 256);
        conv6 = Block(256, 256);
        conv7 = Block(256, 256, pool: true);
        conv8 = Block(256, 512);
        conv9 = Block(512, 512);
        conv10 = Block(512, 512, pool: true);
        conv11 = Block(512, 512);
        conv12 = Block(512, 512);
        conv13 = Block(512, 512, pool: true);
        @out = Linear(512 * 7 * 7, numClasses); // a 224x224 image is 7x7 after five pools
        RegisterComponents();
    }

    /// <summary>The thirteen blocks in order.</summary>
    public IReadOnlyList<Sequential> Blocks => [conv1, conv2, conv3, conv4, conv5, conv6, conv7, conv8, conv9, conv10, conv11, conv12, conv13];

    public override Tensor forward(Tensor x)
    {
        x = conv1.forward(x);
        x = conv2.forward(x);
        x = conv3.forward(x);
        x = conv4.forward(x);
        x = conv5.forward(x);
        x = conv6.forward(x);
        x = conv7.forward(x);
        x = conv8.forward(x);
        x = conv9.forward(x);
        x = conv10.forward(x);
        x = conv11.forward(x);
        x = conv12.forward(x);
        x = conv13.forward(x);
        x = x.view(x.size(0), -1);
        return @out.forward(x);
    }

    static Sequential Block(int inChannels, int outChannels, bool pool = false)
    {
        var layers = new List<Module<Tensor, Tensor>>
        {
            Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1),
            BatchNorm2d(outChannels),
            ReLU(),
        };
        if (pool) layers.Add(MaxPool2d(kernel_size: 2, stride: 2));
        return Sequential(layers);
    }
}
