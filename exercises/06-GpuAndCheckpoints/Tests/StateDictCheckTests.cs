namespace Katas.GpuAndCheckpoints.Tests;

public class StateDictCheckTests
{
    [Fact, Points(2), Step(5)]
    public void Verify_lists_every_missing_unexpected_and_misshapen_entry()
    {
        var model = Models.Make(Models.Small, seed: 0);
        var stateDict = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value);
        stateDict.Remove("fc2.bias");
        stateDict["fc3.weight"] = torch.zeros(3, 3);
        stateDict["fc1.weight"] = torch.zeros(8, 5);

        var error = Calls.Fails<CheckpointException>(() => StateDictCheck.Verify(model, stateDict, "old.pt"),
            "a state dict that does not fit the model fails with a CheckpointException");

        error.Message.ShouldContain("fc2.bias", Case.Sensitive, "list every problem, not only the first: an entry the model has and the file lacks");
        error.Message.ShouldContain("fc3.weight", Case.Sensitive, "list every problem, not only the first: an entry the file has and the model lacks");
        error.Message.ShouldContain("fc1.weight", Case.Sensitive, "an entry with another shape ...");
        error.Message.ShouldContain("[8, 4]", Case.Sensitive, "... the shape the model expects ...");
        error.Message.ShouldContain("[8, 5]", Case.Sensitive, "... and the shape the file holds");
        error.Message.ShouldContain("old.pt", Case.Sensitive, "say which file");
    }

    [Fact, Points(1), Step(5)]
    public void Verify_accepts_a_state_dict_of_the_same_architecture()
    {
        var model = Models.Make(Models.Small, seed: 1);
        var sameShapes = Models.Make(Models.Small, seed: 2).state_dict();

        // Other values, same names and shapes: it fits. Any exception from Verify fails this test.
        StateDictCheck.Verify(model, sameShapes, "other.pt");
        model.state_dict().Count.ShouldBe(sameShapes.Count, "Verify only checks: it changes neither the model nor the file's entries");
    }
}
