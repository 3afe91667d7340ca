using Katas.Kit.TensorBoard;
using SkiaSharp;

namespace Katas.TensorBoard.Tests;

public class VisualsTests
{
    [Fact, Points(2), Step(5)]
    public void LogDigits_logs_one_png_grid_with_8_digits_per_row()
    {
        var logDir = Runs.Fresh("digits");
        var digits = Runs.Train.Images[..16];

        using (var writer = new SummaryWriter(logDir))
            Visuals.LogDigits(writer, digits, step: 3);

        var image = EventAccumulator.Load(logDir).Images("Inputs").ShouldHaveSingleItem("one add_image call: the whole batch as one picture");
        image.Step.ShouldBe(3, "the step LogDigits is given goes on to add_image as its third argument");
        using var png = SKBitmap.Decode(image.EncodedImage)
            ?? throw new ShouldAssertException("the logged image is not a PNG that SkiaSharp can decode");
        // make_grid: 8 digits of 28 px per row, 2 px of border around each: 8 * (28 + 2) + 2 = 242 wide,
        // and 16 digits make 2 rows: 2 * (28 + 2) + 2 = 62 high.
        (png.Width, png.Height).ShouldBe((242, 62), "a grid of 2 rows of 8 digits, as make_grid(images, nrow: 8) draws it");
        (image.Width, image.Height).ShouldBe((242, 62));
        // Every pixel is the grid's, scaled from [0, 1] to 0..255 (make_grid is the reference here).
        var grid = (torchvision.utils.make_grid(digits, nrow: 8)[0] * 255).data<float>().ToArray();
        for (var y = 0; y < 62; y++)
            for (var x = 0; x < 242; x++)
                if (Math.Abs(png.GetPixel(x, y).Red - grid[y * 242 + x]) > 1)
                    throw new ShouldAssertException(
                        $"pixel ({x}, {y}) of the logged picture is {png.GetPixel(x, y).Red}, but make_grid(images, nrow: 8) has " +
                        $"{grid[y * 242 + x]:F0} there: log the grid itself, with the images' values in [0, 1]");
    }

    [Fact, Points(2), Step(6)]
    public void LogModel_puts_every_layer_of_the_cnn_into_the_graph_in_data_flow_order()
    {
        var logDir = Runs.Fresh("graph");
        var model = new Cnn();

        using (var writer = new SummaryWriter(logDir))
            Visuals.LogModel(writer, model, Runs.Train.Images[..1]);

        var graph = EventAccumulator.Load(logDir).Graph();
        var nodes = graph.Node.ToDictionary(n => n.Name);
        foreach (var (path, layer) in model.named_modules().Where(m => !m.module.children().Any()))
        {
            var name = "Cnn/" + path.Replace('.', '/');
            nodes.ShouldContainKey(name, $"the layer {path} should be a node of the graph");
            nodes[name].Op.ShouldBe(layer.GetType().Name);
        }
        nodes["Cnn/conv1/0"].Input.ShouldBe(["input"]);
        nodes["Cnn/conv2/0"].Input.ShouldBe(["Cnn/conv1/2"], "conv2 reads what conv1's max-pool made");
        nodes["Cnn/output"].Input.ShouldBe(["Cnn/conv2/1"], "the linear layer reads the flattened output of conv2");
        nodes["output"].Input.ShouldBe(["Cnn/output"]);
        Shape(nodes["Cnn/conv1/2"]).ShouldBe([1L, 16, 7, 7], "the sample is one image: [1, 1, 28, 28] -> conv1 -> [1, 16, 7, 7]");
        Shape(nodes["Cnn/output"]).ShouldBe([1L, 10], "ten scores, one per digit");
        nodes["Cnn/conv1/0"].Attr["weight"].Shape.Dim.Select(d => d.Size).ShouldBe([16L, 1, 5, 5]);
    }

    static long[] Shape(Tensorboard.NodeDef node) =>
        node.Attr[ModelGraph.OutputShapesAttr].List.Shape[0].Dim.Select(d => d.Size).ToArray();
}
