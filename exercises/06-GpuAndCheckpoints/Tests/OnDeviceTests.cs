using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints.Tests;

public class OnDeviceTests
{
    [Fact, Points(1), Step(1)]
    public void Choose_follows_KATAS_DEVICE_and_picks_cuda_when_available_on_auto()
    {
        var before = Environment.GetEnvironmentVariable(Devices.Variable);
        try
        {
            Environment.SetEnvironmentVariable(Devices.Variable, "cpu");
            OnDevice.Choose().type.ShouldBe(DeviceType.CPU, "KATAS_DEVICE=cpu means the CPU, even where there is a GPU: use Devices.Choose()");

            Environment.SetEnvironmentVariable(Devices.Variable, "auto");
            OnDevice.Choose().type.ShouldBe(Gpu.Available ? DeviceType.CUDA : DeviceType.CPU,
                "auto means CUDA when torch.cuda.is_available(), else the CPU");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Devices.Variable, before);
        }
    }

    [Fact, Points(2), Step(2)]
    public void Predict_returns_the_class_with_the_highest_score_on_the_cpu_in_eval_mode()
    {
        var model = Models.Make(Models.Small, seed: 1);
        var x = torch.randn(20, 4);
        Tensor expected;
        using (torch.no_grad()) expected = model.forward(x).argmax(1);
        model.train();

        using var predicted = OnDevice.Predict(model, x, torch.CPU);

        predicted.device_type.ShouldBe(DeviceType.CPU, "the results come back to the CPU: .cpu()");
        predicted.dtype.ShouldBe(int64, "a class is an index: argmax gives int64");
        predicted.shape.ShouldBe([20L], "one class per row of x: the argmax runs over the classes (dim 1), not over the rows (dim 0)");
        predicted.ShouldEqual(expected, "the predicted class is argmax(scores, dim: 1)");
        model.training.ShouldBeFalse("predicting switches the model to eval mode");
    }

    [Fact, Points(2), Step(2)]
    public void Predict_moves_the_model_to_the_device_and_brings_the_classes_back_checked_on_the_meta_device()
    {
        // PyTorch's "meta" device holds shapes and no data: it runs on any machine, so it shows where
        // Predict puts things without a GPU. A Linear layer runs there (the Mlp's relu has no meta kernel).
        var meta = torch.device("meta");
        var model = nn.Linear(4, 3);
        var x = torch.randn(20, 4);
        Tensor? predicted = null;

        var error = Record.Exception(() => predicted = OnDevice.Predict(model, x, meta));

        if (error is NotImplementedException) throw error;
        model.weight!.device_type.ShouldBe(DeviceType.META, "Predict puts the model on the device it is given: model.to(device)");
        x.device_type.ShouldBe(DeviceType.CPU, "x.to(device) makes a copy on the device; the caller's tensor stays where it was");
        if (error is null)
            predicted!.device_type.ShouldBe(DeviceType.CPU,
                "Predict returns the classes on the CPU, whatever device computed them: bring them back with .cpu()");
        else
            error.Message.ShouldContain("copy out of meta", Case.Insensitive,
                $"on meta the one step that must fail is the copy of the classes back to the CPU (meta holds no data to copy); Predict failed elsewhere: {error.Message.Split('\n')[0]}");
    }

    [Fact, Points(2), Step(3)]
    public void TrainStep_takes_one_optimizer_step_on_the_batch_and_returns_its_loss()
    {
        var model = Models.Make(Models.Small, seed: 2);
        var reference = new Mlp(Models.Small);
        reference.load_state_dict(model.state_dict());
        var (x, y) = ToyData.Make(32, features: 4, classes: 3, seed: 2);
        using var referenceSgd = SGD(reference.parameters(), 0.1);
        referenceSgd.zero_grad();
        var expectedLoss = nn.functional.cross_entropy(reference.forward(x), y);
        expectedLoss.backward();
        referenceSgd.step();
        using var sgd = SGD(model.parameters(), 0.1);
        model.eval(); // as a Predict before it leaves it

        var loss = OnDevice.TrainStep(model, sgd, x, y, torch.CPU);

        loss.ShouldBe(expectedLoss.item<float>(), 1e-5f, "TrainStep returns cross_entropy(model(x), y) before the update");
        model.ShouldHaveTheWeightsOf(reference, atol: 1e-6, why: "after zero_grad, backward and step, as one SGD step");
        model.training.ShouldBeTrue("training happens in train mode: TrainStep switches the model back with train() (a Predict before it left eval on)");
    }

    [Fact, Points(1), Step(3)]
    public void TrainStep_starts_from_clean_gradients_whatever_an_earlier_batch_left()
    {
        var model = Models.Make(Models.Small, seed: 6);
        var reference = new Mlp(Models.Small);
        reference.load_state_dict(model.state_dict());
        var (x, y) = ToyData.Make(32, features: 4, classes: 3, seed: 6);
        var (earlierX, earlierY) = ToyData.Make(32, features: 4, classes: 3, seed: 60);
        nn.functional.cross_entropy(model.forward(earlierX), earlierY).backward(); // an earlier batch's gradients, left in .grad
        using var sgd = SGD(model.parameters(), 0.1);
        using var referenceSgd = SGD(reference.parameters(), 0.1);
        nn.functional.cross_entropy(reference.forward(x), y).backward();
        referenceSgd.step();

        OnDevice.TrainStep(model, sgd, x, y, torch.CPU);

        model.ShouldHaveTheWeightsOf(reference, atol: 1e-6,
            why: "backward ADDS to .grad: without optimizer.zero_grad() first, the earlier batch's gradients are added to this one's and the step goes the wrong way");
    }

    [Fact, Points(3), Step(3), GpuOnly]
    public void On_cuda_a_training_step_gives_the_parameters_of_the_same_step_on_the_cpu()
    {
        var (x, y) = ToyData.Make(64, features: 4, classes: 3, seed: 3);
        var onCpu = Models.Make(Models.Small, seed: 3);
        var onCuda = new Mlp(Models.Small);
        onCuda.load_state_dict(onCpu.state_dict());
        using var cpuSgd = SGD(onCpu.parameters(), 0.1);
        var cpuLoss = OnDevice.TrainStep(onCpu, cpuSgd, x, y, torch.CPU);
        Cuda.SkipUnlessAvailable();

        onCuda.to(torch.CUDA); // the model first, then the optimizer that holds its parameters
        using var cudaSgd = SGD(onCuda.parameters(), 0.1);
        var cudaLoss = OnDevice.TrainStep(onCuda, cudaSgd, x, y, torch.CUDA); // x and y are still on the CPU

        onCuda.fc1.weight!.device_type.ShouldBe(DeviceType.CUDA, "the model stays on the GPU");
        cudaLoss.ShouldBe(cpuLoss, 1e-4f, "the same step computes the same loss on either device");
        onCuda.ShouldHaveTheWeightsOf(onCpu, atol: 1e-5, why: "the same step gives the same parameters (up to float rounding: GPUs sum in another order)");
    }

    [Fact, Points(2), Step(2), GpuOnly]
    public void On_cuda_Predict_moves_model_and_data_there_and_brings_the_classes_back_to_the_cpu()
    {
        var model = Models.Make(Models.Small, seed: 4);
        var x = torch.randn(50, 4);
        using var onCpu = OnDevice.Predict(model, x, torch.CPU);
        Cuda.SkipUnlessAvailable();

        using var onCuda = OnDevice.Predict(model, x, torch.CUDA);

        model.fc1.weight!.device_type.ShouldBe(DeviceType.CUDA, "model.to(device) moves the parameters");
        x.device_type.ShouldBe(DeviceType.CPU, "x.to(device) makes a copy on the device; the caller's tensor stays where it was");
        onCuda.device_type.ShouldBe(DeviceType.CPU, "the results come back to the CPU: .cpu()");
        onCuda.ShouldEqual(onCpu, "the same model predicts the same classes on either device");
    }

    [Fact, Points(2), Step(8), GpuOnly]
    public void On_cuda_a_checkpoint_saved_from_the_gpu_loads_on_the_cpu_and_onto_the_gpu()
    {
        using var folder = new TempFolder("katas-06-");
        var model = Models.Make(Models.Small, seed: 5);
        Checkpoint.Save(folder.File("from-cpu.ckpt"), model);
        Cuda.SkipUnlessAvailable();
        model.to(torch.CUDA);

        Checkpoint.Save(folder.File("from-gpu.ckpt"), model);

        var onCpu = Checkpoint.LoadModel(folder.File("from-gpu.ckpt"));
        onCpu.fc1.weight!.device_type.ShouldBe(DeviceType.CPU, "a checkpoint holds CPU tensors: it loads on any machine");
        onCpu.ShouldHaveTheWeightsOf(Checkpoint.LoadModel(folder.File("from-cpu.ckpt")), why: "saved from the GPU or the CPU, the weights are the same");
        var onGpu = Checkpoint.LoadModel(folder.File("from-gpu.ckpt"), torch.CUDA);
        onGpu.fc1.weight!.device_type.ShouldBe(DeviceType.CUDA, "LoadModel(path, device) puts the model where it is asked to (map_location)");
    }
}
