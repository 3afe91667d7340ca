using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard.Tests;

/// <summary>
/// The run to look at in TensorBoard: out/04-TensorBoard/runs/experiment
/// (<c>tensorboard --logdir out/04-TensorBoard/runs</c>, see the README).
/// </summary>
public class ExperimentTests
{
    [Fact, Points(3), Step(7)]
    public void Run_logs_digits_graph_curves_and_hparams_into_one_folder()
    {
        var logDir = Runs.Fresh("experiment");

        var accuracy = Experiment.Run(logDir, steps: 100, seed: 0);

        // Seeds 0-9 (README): 100 steps reach 86.2-88.5 % on the held-out images.
        accuracy.ShouldBeInRange(0.8, 1.0, "100 steps of Adam should already read most digits");
        var log = EventAccumulator.Load(logDir);
        log.Scalars("Train/Loss").Count.ShouldBe(100);
        log.Scalars("Train/Accuracy").Select(p => p.Step).ShouldBe([0L, 50]);
        var digits = log.Images("Inputs").ShouldHaveSingleItem();
        (digits.Width, digits.Height).ShouldBe((242, 122), "32 digits, 8 per row: 4 rows");
        log.Graph().Node.Select(n => n.Name).ShouldContain("Cnn/conv1/0", "add_graph with the CNN");
        // The graph records where the sample ran: the run trains on Kit's device (KATAS_DEVICE).
        log.Graph().Node.Single(n => n.Name == "Cnn/conv1/0").Device.ShouldBe(
            TestDevice.Current.type == DeviceType.CUDA ? "/device:CUDA:0" : "/device:CPU:0",
            "choose the device with Devices.Choose() and put the model and the data there");

        Directory.Exists(Path.Combine(logDir, "hparams")).ShouldBeTrue(
            "add_hparams(..., runName: \"hparams\") writes its run into the sub-folder hparams, where TensorBoard and this test look for it");
        var hparams = EventAccumulator.Load(Path.Combine(logDir, "hparams"));
        var start = HParams.Parse(hparams.Values(HParams.SessionStartInfoTag).ShouldHaveSingleItem(
            "add_hparams(..., runName: \"hparams\") writes its run into the sub-folder hparams").Value.Metadata.PluginData.Content);
        start.HParams.Keys.ShouldBe(["lr", "batch_size", "steps", "seed"], ignoreOrder: true,
            "the hyper-parameters are named lr, batch_size, steps and seed: runs compare in the HParams tab only under the same names");
        start.HParams["lr"].NumberValue.ShouldBe(0.001);
        start.HParams["batch_size"].NumberValue.ShouldBe(64);
        start.HParams["steps"].NumberValue.ShouldBe(100);
        start.HParams["seed"].NumberValue.ShouldBe(0);
        hparams.Scalars("hparam/accuracy").ShouldHaveSingleItem().Value.ShouldBe((float)accuracy, 1e-6f,
            "the accuracy metric is the value Run returns");
        hparams.Scalars("hparam/loss").ShouldHaveSingleItem().Value
            .ShouldBe(log.Scalars("Train/Loss")[^1].Value, "the loss metric is the last logged loss");
    }

    [Fact, Points(1), Step(7)]
    public void Run_seeds_everything_with_its_seed_argument()
    {
        var firstDir = Runs.Fresh("experiment-seed-a");
        var secondDir = Runs.Fresh("experiment-seed-b");

        // Whatever the random state before, Run(seed: 5) must start from the same place.
        Seeding.Seed(100);
        Experiment.Run(firstDir, steps: 3, seed: 5);
        Seeding.Seed(200);
        Experiment.Run(secondDir, steps: 3, seed: 5);

        var a = EventAccumulator.Load(firstDir).Scalars("Train/Loss").Select(p => p.Value).ToArray();
        var b = EventAccumulator.Load(secondDir).Scalars("Train/Loss").Select(p => p.Value).ToArray();
        a.Length.ShouldBe(3, "3 steps, 3 logged losses");
        b.Length.ShouldBe(3, "3 steps, 3 logged losses");
        // Equal up to float rounding (a GPU may add in another order); two different starts differ by about 1e-3 already at step 0.
        var differs = Enumerable.Range(0, 3).FirstOrDefault(i => Math.Abs(a[i] - b[i]) > 1e-5f, -1);
        if (differs >= 0)
            throw new ShouldAssertException(
                $"two runs with seed 5 should log the same losses, but at step {differs} the second logged {b[differs]} and the first {a[differs]}: " +
                "call Seeding.Seed(seed) first, before the model draws its weights, so that a run can be repeated and runs with different " +
                "hyper-parameters compared");
    }
}
