namespace Katas.Layers;

// Given to you (not an exercise): the words of a short network description for Blocks.Build.
// Each names a PyTorch layer; the input sizes are left out because Build works them out.

/// <summary>One layer of a network description.</summary>
public abstract record LayerSpec;

/// <summary>nn.Conv2d(in, OutChannels, Kernel, Stride, Padding); `in` is the channels arriving.</summary>
public sealed record Conv2dSpec(int OutChannels, int Kernel, int Stride = 1, int Padding = 0) : LayerSpec;

/// <summary>nn.MaxPool2d(Kernel): windows of Kernel x Kernel, stride Kernel.</summary>
public sealed record MaxPool2dSpec(int Kernel) : LayerSpec;

/// <summary>nn.BatchNorm2d(channels arriving).</summary>
public sealed record BatchNorm2dSpec : LayerSpec;

/// <summary>nn.ReLU().</summary>
public sealed record ReLUSpec : LayerSpec;

/// <summary>nn.Dropout(P).</summary>
public sealed record DropoutSpec(double P = 0.5) : LayerSpec;

/// <summary>nn.Flatten(): [C, H, W] per item becomes C * H * W features.</summary>
public sealed record FlattenSpec : LayerSpec;

/// <summary>nn.Linear(features arriving, OutFeatures).</summary>
public sealed record LinearSpec(int OutFeatures) : LayerSpec;
