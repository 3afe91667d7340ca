using Katas.Kit.Data;

namespace Katas.Kit.Tests;

/// <summary>
/// The real MNIST, through the cache configured by the environment: .ci/run points
/// KATAS_DATA_MIRROR at the local mirror; on a learner's machine the public mirrors are used.
/// </summary>
public class MnistTests
{
    [Fact]
    public void The_manifest_names_the_four_mnist_files_with_their_sizes_and_checksums()
    {
        var mnist = DatasetManifest.Default["mnist"];

        mnist.Files.Select(f => f.Name).ShouldBe(
            ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]);
        mnist.Files.Sum(f => f.Bytes).ShouldBe(47040016 + 60008 + 7840016 + 10008);
        mnist.Files.ShouldAllBe(f => f.Sha256.Length == 64);
        mnist.Folder.ShouldBe("mnist/test_data", "TorchVision's MNIST reads ROOT/mnist/test_data");
    }

    [Fact]
    public void The_test_split_has_10000_images_of_28x28_scaled_to_0_1_and_labels_0_to_9()
    {
        using var test = Mnist.Load(train: false);

        test.Images.shape.ShouldBe([10_000L, 1L, 28L, 28L]);
        test.Images.dtype.ShouldBe(ScalarType.Float32);
        test.Images.min().item<float>().ShouldBe(0f);
        test.Images.max().item<float>().ShouldBe(1f);
        test.Labels.shape.ShouldBe([10_000L]);
        test.Labels.dtype.ShouldBe(ScalarType.Int64);
        // Every digit occurs: the test split has between 892 (fives) and 1135 (ones) of each.
        var counts = torch.bincount(test.Labels).data<long>().ToArray();
        counts.Length.ShouldBe(10);
        counts.ShouldAllBe(c => c >= 892 && c <= 1135);
        counts[1].ShouldBe(1135);
    }

    [Fact]
    public void The_training_split_has_60000_images_and_its_first_label_is_5()
    {
        using var train = Mnist.Load(train: true);

        train.Count.ShouldBe(60_000);
        train.Labels[0].item<long>().ShouldBe(5, "the famous first training digit is a 5");
    }

    [Fact]
    public void Root_is_a_folder_TorchVision_reads_the_verified_files_from()
    {
        var root = Mnist.Root();

        File.Exists(Path.Combine(root, "mnist", "test_data", "t10k-labels-idx1-ubyte")).ShouldBeTrue();
    }
}
