using Google.Protobuf.WellKnownTypes;
using Katas.Kit.TensorBoard;

namespace Katas.Kit.Tests.TensorBoard;

public sealed class HParamsTests : IDisposable
{
    readonly TempFolder _folder = new("katas-tensorboard-");

    public void Dispose() => _folder.Dispose();

    static HParamsPluginData Content(EventAccumulator run, string tag)
    {
        var value = run.Values(tag).ShouldHaveSingleItem().Value;
        value.Metadata.PluginData.PluginName.ShouldBe("hparams");
        return HParams.Parse(value.Metadata.PluginData.Content);
    }

    [Fact]
    public void add_hparams_writes_a_sub_run_with_experiment_session_start_session_end_and_the_metrics()
    {
        using (var writer = new SummaryWriter(_folder.File("run")))
            writer.add_hparams(
                new Dictionary<string, object?> { ["lr"] = 0.01, ["optimizer"] = "adam", ["batch"] = 64, ["shuffle"] = true, ["unset"] = null },
                new Dictionary<string, double> { ["hparam/accuracy"] = 0.97, ["hparam/loss"] = 0.125 },
                runName: "trial1");

        var run = EventAccumulator.Load(Path.Combine(_folder.File("run"), "trial1"));

        var experiment = Content(run, "_hparams_/experiment");
        experiment.DataKind.ShouldBe("experiment");
        experiment.Version.ShouldBe(0);
        experiment.HParamInfos.ShouldBe([
            new HParamInfo("lr", HParamDataType.Float64), new HParamInfo("optimizer", HParamDataType.String),
            new HParamInfo("batch", HParamDataType.Float64), new HParamInfo("shuffle", HParamDataType.Bool)]);
        experiment.MetricTags.ShouldBe(["hparam/accuracy", "hparam/loss"]);

        var start = Content(run, "_hparams_/session_start_info");
        start.DataKind.ShouldBe("session_start_info");
        start.HParams.Keys.ShouldBe(["lr", "optimizer", "batch", "shuffle"], ignoreOrder: true, customMessage: "null values are left out");
        start.HParams["lr"].NumberValue.ShouldBe(0.01);
        start.HParams["optimizer"].StringValue.ShouldBe("adam");
        start.HParams["batch"].NumberValue.ShouldBe(64);
        start.HParams["shuffle"].BoolValue.ShouldBeTrue();

        var end = Content(run, "_hparams_/session_end_info");
        end.DataKind.ShouldBe("session_end_info");
        end.Status.ShouldBe(SessionStatus.Success);

        run.Scalars("hparam/accuracy").ShouldHaveSingleItem().Value.ShouldBe(0.97f);
        run.Scalars("hparam/loss").ShouldHaveSingleItem().Value.ShouldBe(0.125f);
        EventAccumulator.Load(_folder.File("run")).Tags.ShouldBeEmpty("the hparams go to their own run, not the parent's");
    }

    [Fact]
    public void The_experiment_bytes_follow_tensorboards_field_numbers()
    {
        var (experiment, _, end) = HParams.Summaries(new Dictionary<string, object?> { ["a"] = 1.0 }, ["m"]);

        // HParamsPluginData{experiment(2): Experiment{hparam_infos(4): {name(1) "a", type(4) FLOAT64=3},
        //                                             metric_infos(5): {name(1): MetricName{tag(2) "m"}}}}
        byte[] expected = [0x12, 14, 0x22, 5, 0x0A, 1, (byte)'a', 0x20, 3, 0x2A, 5, 0x0A, 3, 0x12, 1, (byte)'m'];
        experiment.Value.ShouldHaveSingleItem().Metadata.PluginData.Content.ToByteArray().ShouldBe(expected);
        // HParamsPluginData{session_end_info(4): {status(1) SUCCESS=1}}
        byte[] expectedEnd = [0x22, 2, 0x08, 1];
        end.Value.ShouldHaveSingleItem().Metadata.PluginData.Content.ToByteArray().ShouldBe(expectedEnd);
    }

    [Fact]
    public void A_value_tensorboard_cannot_show_is_refused_with_its_name_and_type()
    {
        var error = Should.Throw<ArgumentException>(() =>
            HParams.Summaries(new Dictionary<string, object?> { ["started"] = DateTime.UnixEpoch }, []));

        error.Message.ShouldContain("'started' is a DateTime");
        error.Message.ShouldContain("numbers, strings and bools");
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/absolute")]
    public void A_run_name_outside_the_log_dir_is_refused(string runName)
    {
        using var writer = new SummaryWriter(_folder.File("run"));

        Should.Throw<ArgumentException>(() => writer.add_hparams(new Dictionary<string, object?>(), new Dictionary<string, double>(), runName))
            .Message.ShouldContain("must name a sub-folder");
    }

    [Fact]
    public void Values_round_trip_through_parse()
    {
        var (_, start, _) = HParams.Summaries(new Dictionary<string, object?> { ["depth"] = 3L, ["name"] = "vgg" }, []);

        var parsed = HParams.Parse(start.Value[0].Metadata.PluginData.Content);

        parsed.HParams["depth"].ShouldBe(Value.ForNumber(3));
        parsed.HParams["name"].ShouldBe(Value.ForString("vgg"));
    }
}
