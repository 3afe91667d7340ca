namespace Katas.MnistCnn.Tests;

public class MnistDatasetTests
{
    [Fact, Points(1), Step(1)]
    public void Count_is_the_number_of_images()
    {
        var (images, labels) = Reference.Numbered(5);

        using var dataset = new MnistDataset(images, labels);

        dataset.Count.ShouldBe(5, "Count is Python's __len__: how many items the dataset holds (labels.shape[0])");
    }

    [Fact, Points(2), Step(1)]
    public void GetTensor_returns_the_image_under_data_and_its_label_under_label()
    {
        var (images, labels) = Reference.Numbered(5);
        using var dataset = new MnistDataset(images, labels);

        var item = dataset.GetTensor(3);

        item.Keys.ShouldBe(["data", "label"], ignoreOrder: true, "the DataLoader glues items together key by key: use \"data\" and \"label\"");
        item["data"].shape.ShouldBe([1L, 28L, 28L], "one item is one image [1, 28, 28]: index the first dimension, images[index]");
        item["data"].ShouldEqual(images[3], "item 3 is image 3");
        item["label"].shape.ShouldBe(Array.Empty<long>(), "one label is a scalar (a 0-dimensional tensor): labels[index]");
        item["label"].item<long>().ShouldBe(3, "item 3 carries label 3");
    }

    [Fact, Points(1), Step(1)]
    public void Loaded_MNIST_has_60000_training_and_10000_test_digits_and_the_first_test_digit_is_a_7()
    {
        using var test = MnistDataset.Load(train: false);

        test.Count.ShouldBe(10_000);
        var first = test.GetTensor(0);
        first["label"].item<long>().ShouldBe(7, "the first digit of MNIST's test set is a 7");
        first["data"].dtype.ShouldBe(float32);
        first["data"].max().item<float>().ShouldBeLessThanOrEqualTo(1f, "pixels are scaled to [0, 1], as ToTensor() does");
        using var train = MnistDataset.Load(train: true);
        train.Count.ShouldBe(60_000);
        train.GetTensor(0)["label"].item<long>().ShouldBe(5, "the first digit of MNIST's training set is a 5");
    }
}
