using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

public static class SinCosTraining
{
    public static (float Loss, Tensor Hidden) TrainStep(SinCosNet model, Optimizer optimizer, Tensor x, Tensor y, Tensor? hidden, double clipNorm = 0)
    {
        model.train();
        optimizer.zero_grad();
        var (prediction, next) = model.forward(x, hidden);
        using var loss = nn.functional.mse_loss(prediction, y);
        loss.backward();
        if (clipNorm > 0) nn.utils.clip_grad_norm_(model.parameters(), clipNorm);
        optimizer.step();
        // The state carries what the RNN knows about the wave into the next window, but not the
        // graph: without detach, the next backward would try to run back through every earlier
        // window (and fail, their graphs are freed after their own backward).
        return (loss.item<float>(), next.detach());
    }

    public static float[] Fit(SinCosNet model, SinCosRecipe recipe)
    {
        using var optimizer = Adam(model.parameters(), recipe.LearningRate);
        var schedule = recipe.Anneal ? lr_scheduler.CosineAnnealingLR(optimizer, recipe.Steps) : null;
        // The seed's single stream starts at 0; more streams start at random phases, so that every
        // step sees every part of the wave instead of only the rising or only the falling half.
        // Drawn on the CPU (the same phases on every device), then moved to where the model is.
        using var drawn = recipe.Streams == 1 ? torch.zeros(1) : torch.rand(recipe.Streams) * (float)(2 * Math.PI);
        using var starts = drawn.to(DeviceOf(model));
        Tensor? hidden = null;
        var losses = new float[recipe.Steps];
        for (var step = 0; step < recipe.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (x, y) = SinCos.Windows(starts + (float)(step * Math.PI), recipe.TimeSteps);
            (losses[step], var next) = TrainStep(model, optimizer, x, y, hidden, recipe.ClipNorm);
            hidden?.Dispose();
            hidden = next.MoveToOuterDisposeScope();
            schedule?.step();
        }
        hidden?.Dispose();
        return losses;
    }

    public static (Tensor T, Tensor Sin, Tensor Cos, Tensor Prediction) Sweep(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        model.eval();
        using var _ = torch.no_grad();
        var device = DeviceOf(model);
        Tensor? hidden = null;
        var ts = new List<Tensor>();
        var sins = new List<Tensor>();
        var coss = new List<Tensor>();
        var predictions = new List<Tensor>();
        for (var k = 0; k < windows; k++)
        {
            var start = torch.tensor(new[] { (float)(k * Math.PI) }, device: device);
            var (x, y) = SinCos.Windows(start, timeSteps);
            var (prediction, next) = model.forward(x, hidden);
            hidden = next;
            ts.Add(start + torch.arange(timeSteps, dtype: float32, device: device) * (float)(Math.PI / timeSteps));
            sins.Add(x.flatten());
            coss.Add(y.flatten());
            predictions.Add(prediction.flatten());
        }
        return (torch.cat(ts), torch.cat(sins), torch.cat(coss), torch.cat(predictions));
    }

    // PyTorch's next(model.parameters()).device: the data this code makes goes where the model is.
    static torch.Device DeviceOf(SinCosNet model) => model.parameters().First().device;

    public static double Evaluate(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        using var scope = torch.NewDisposeScope();
        var (_, _, cos, prediction) = Sweep(model, windows, timeSteps);
        // The first window is warm-up: at t = 0 the state is empty, and sin alone cannot tell
        // a rising wave (cos > 0) from a falling one (cos < 0).
        return nn.functional.mse_loss(prediction[timeSteps..], cos[timeSteps..]).item<float>();
    }
}
