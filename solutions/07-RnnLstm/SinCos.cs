namespace Katas.RnnLstm;

/// <summary>The regression data: sin(t) goes in, cos(t) should come out.</summary>
public static class SinCos
{
    public static (Tensor X, Tensor Y) Windows(Tensor starts, int timeSteps = 10)
    {
        // t[b, i] = starts[b] + i * pi / timeSteps: each window is pi long, as in the seed.
        var offsets = torch.arange(timeSteps, dtype: float32, device: starts.device) * (float)(Math.PI / timeSteps);
        var t = starts.to(float32).unsqueeze(1) + offsets;
        return (t.sin().unsqueeze(-1), t.cos().unsqueeze(-1));
    }
}
