namespace Katas.Vgg;

/// <summary>Your own VGG: the same architecture, a config and sizes small enough for MNIST on a CPU.</summary>
public static class MnistVgg
{
    /// <summary>
    /// Your config: a few 3x3 convolutions and max-pools (<see cref="VggConfigs.M"/>) for 1x28x28 images;
    /// only positive channel counts and M. Each M halves the image (28, 14, 7, 3).
    /// </summary>
    public static int[] Config
    {
        get
        {
            // TODO 5 — the same architecture as VGG-16, sized for the problem: ten digits in 28x28 grey
            //  pixels need far fewer channels and pools than a thousand ImageNet classes. Every channel you
            //  add costs time on each of the 60,000 images of the test's epoch.
            throw new NotImplementedException("TODO 5: choose your MNIST config (MnistVgg.Config). See README step 5.");
        }
    }

    /// <summary>
    /// A new, untrained VGG built from <see cref="Config"/> that reads float32 [N, 1, 28, 28] MNIST images
    /// and returns float32 [N, 10] scores, one per digit. One epoch of <see cref="Training.Fit"/> must bring
    /// it to 98 % on the test set (README step 5).
    /// </summary>
    public static Vgg Create()
    {
        // TODO 5 — the constructor's arguments describe the problem (what comes in, how many classes) and
        //  the size of the head. A head as small as the problem trains fastest; batch norm lets Adam take
        //  large steps; dropout fights overfitting, which one epoch on 60,000 images hardly has time for.
        throw new NotImplementedException("TODO 5: build your MNIST VGG (MnistVgg.Create). See README step 5.");
    }
}
