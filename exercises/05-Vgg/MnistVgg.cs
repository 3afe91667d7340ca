namespace Katas.Vgg;

/// <summary>Your own VGG: the same architecture, a config and sizes small enough for MNIST on a CPU.</summary>
public static class MnistVgg
{
    /// <summary>Your config: a few 3x3 convolutions and max-pools (for example [16, M, 32, M, 64, M]).</summary>
    public static int[] Config
    {
        get
        {
            // TODO 5 — choose a small config. MNIST images are 28x28: each M halves that (28 -> 14 -> 7 -> 3),
            //  so three pools are plenty. A few thousand to a few hundred thousand parameters are enough.
            throw new NotImplementedException("TODO 5: choose your MNIST config (MnistVgg.Config). See README step 5.");
        }
    }

    /// <summary>A VGG for MNIST: 1 input channel, 10 classes, built from <see cref="Config"/>.</summary>
    public static Vgg Create()
    {
        // TODO 5 — new Vgg(Config, batchNorm: ..., numClasses: 10, inChannels: 1, pooledSize: ..., hidden: ...)
        //  A small head suits a small problem: pooledSize 3 and hidden 128 work well (README step 5).
        throw new NotImplementedException("TODO 5: build your MNIST VGG (MnistVgg.Create). See README step 5.");
    }
}
