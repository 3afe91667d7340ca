using static TorchSharp.torch.optim;

namespace Katas.TensorBoard.Tests;

public class TrainingTests
{
    static (Cnn Model, Tensor Images, Tensor Labels) Setup(int seed)
    {
        Seeding.Seed(seed);
        var device = TestDevice.Current; // drawn on the CPU, then moved: the same numbers on every device
        return (new Cnn().to(device), torch.rand(16, 1, 28, 28).to(device), torch.randint(0, 10, [16]).to(device));
    }

    static Dictionary<string, Tensor> Snapshot(Cnn model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    /// <summary>The gradient of the cross-entropy at the model's current parameters, computed on a copy.</summary>
    static Dictionary<string, Tensor> Gradients(Cnn model, Tensor images, Tensor labels)
    {
        var copy = new Cnn().to(TestDevice.Current);
        copy.load_state_dict(model.state_dict());
        nn.functional.cross_entropy(copy.forward(images), labels).backward();
        return copy.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
    }

    [Fact, Points(2), Step(2)]
    public void TrainStep_returns_the_cross_entropy_of_the_batch_before_the_update()
    {
        var (model, images, labels) = Setup(1);
        // Computed as TrainStep computes it (train mode, gradients on), so both use the same oneDNN
        // kernels: under no_grad some CPUs pick inference kernels that differ in the last digits.
        model.train();
        var expected = nn.functional.cross_entropy(model.forward(images), labels).item<float>();
        using var sgd = SGD(model.parameters(), 0.1);

        var loss = Training.TrainStep(model, sgd, images, labels);

        loss.ShouldBe(expected, 1e-4f, "TrainStep returns cross_entropy(model(images), labels), computed before optimizer.step()");
    }

    [Fact, Points(2), Step(2)]
    public void TrainStep_moves_every_parameter_by_one_step_on_fresh_gradients()
    {
        const double lr = 0.1;
        var (model, images, labels) = Setup(2);
        using var sgd = SGD(model.parameters(), lr);
        TrainStepExplained(model, sgd, images, labels);
        var before = Snapshot(model);
        var fresh = Gradients(model, images, labels);

        TrainStepExplained(model, sgd, images, labels);

        foreach (var (name, parameter) in model.named_parameters())
            parameter.ShouldBeClose(before[name] - lr * fresh[name], rtol: 1e-3, atol: 1e-5,
                $"after a second SGD step, {name} should be {name} - lr * (this step's gradient). Call optimizer.zero_grad() " +
                "before loss.backward() (gradients add up otherwise), then optimizer.step().");
        model.ShouldBeOn(TestDevice.Current);
    }

    // libtorch refuses a backward through parameters that step() has already changed in place; say what that means.
    static float TrainStepExplained(Cnn model, Optimizer optimizer, Tensor images, Tensor labels)
    {
        try
        {
            return Training.TrainStep(model, optimizer, images, labels);
        }
        catch (System.Runtime.InteropServices.ExternalException e) when (e.Message.Contains("inplace operation", StringComparison.Ordinal))
        {
            throw new ShouldAssertException(
                $"TrainStep failed inside libtorch ({e.Message.Split('\n')[0]}): optimizer.step() changes the parameters in place, " +
                "so call loss.backward() before optimizer.step(), and optimizer.zero_grad() before both");
        }
    }

    [Fact, Points(1), Step(2)]
    public void TrainStep_switches_the_model_to_training_mode()
    {
        var (model, images, labels) = Setup(4);
        using var sgd = SGD(model.parameters(), 0.1);
        model.eval(); // where Accuracy leaves it, between two training steps

        Training.TrainStep(model, sgd, images, labels);

        model.training.ShouldBeTrue(
            "TrainStep runs after Accuracy, which leaves the model in eval mode: call model.train() first " +
            "(dropout and batch norm behave differently in training; this CNN has none, the next ones do)");
    }

    [Fact, Points(1), Step(3)]
    public void Accuracy_computes_the_scores_without_recording_gradients_and_turns_them_back_on()
    {
        var (model, images, labels) = Setup(5);
        var gradientsRecorded = new List<bool>();
        var hook = model.conv1.register_forward_hook((_, _, output) =>
        {
            gradientsRecorded.Add(torch.is_grad_enabled());
            return output;
        });

        try
        {
            Training.Accuracy(model, images, labels);
        }
        finally
        {
            hook.remove();
        }

        gradientsRecorded.ShouldNotBeEmpty("Accuracy runs the model on the images: model.call(images)");
        gradientsRecorded.ShouldAllBe(recorded => !recorded,
            "Accuracy computes the scores inside torch.no_grad(): testing needs no gradients, and recording them keeps every layer's output in memory");
        torch.is_grad_enabled().ShouldBeTrue(
            "after Accuracy, gradients are on again: end no_grad with `using` (a torch.no_grad() that is never disposed switches " +
            "gradients off for the rest of the program, and the next TrainStep cannot learn)");
    }

    [Fact, Points(1), Step(3)]
    public void Accuracy_is_the_share_of_images_classified_right_and_switches_to_eval_mode()
    {
        var (model, images, _) = Setup(3);
        Tensor labels;
        using (torch.no_grad()) labels = model.forward(images).argmax(1);
        labels[..4] = (labels[..4] + 1) % 10; // 4 of the 16 labels now disagree with the model
        model.train();

        var accuracy = Training.Accuracy(model, images, labels);

        accuracy.ShouldBe(0.75, 1e-9, "12 of 16 predictions (argmax of the scores) match the labels");
        model.training.ShouldBeFalse("testing switches the model to eval mode: model.eval()");
    }
}
