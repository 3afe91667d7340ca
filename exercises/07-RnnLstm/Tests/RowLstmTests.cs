namespace Katas.RnnLstm.Tests;

public class RowLstmTests
{
    [Fact, Points(1), Step(9)]
    public void RowLstm_is_an_LSTM_28_to_hidden_and_a_Linear_hidden_to_10()
    {
        var model = new RowLstm(hiddenSize: 20);

        model.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).ShouldBe(
            [("lstm.weight_ih_l0", "80x28"), ("lstm.weight_hh_l0", "80x20"), ("lstm.bias_ih_l0", "80"), ("lstm.bias_hh_l0", "80"),
             ("fc.weight", "10x20"), ("fc.bias", "10")],
            ignoreOrder: true,
            customMessage: "lstm = nn.LSTM(28, hidden, batch_first) (its weights stack the 4 gates: 4 * hidden rows), fc = nn.Linear(hidden, 10)");
    }

    [Fact, Points(1), Step(9)]
    public void Forward_turns_a_batch_of_images_into_10_scores_each()
    {
        var model = new RowLstm(hiddenSize: 20);

        using var scores = model.forward(torch.rand(6, 1, 28, 28));

        scores.shape.ShouldBe([6L, 10], "MNIST batches are [B, 1, 28, 28]; the model gives one score per digit");
    }

    [Fact, Points(3), Step(9)]
    public void Forward_reads_the_rows_in_turn_and_classifies_from_the_output_after_the_last_row()
    {
        Seeding.Seed(11);
        var model = new RowLstm(hiddenSize: 20);
        var images = torch.rand(6, 1, 28, 28);

        using var scores = model.forward(images);

        using var _ = torch.no_grad();
        var reference = nn.LSTM(28, 20, batchFirst: true); // the LSTM as it should be built, with the model's weights
        reference.load_state_dict(model.lstm.state_dict());
        var (output, _, _) = reference.forward(images.reshape(6, 28, 28)); // row r is time step r
        var expected = model.fc.forward(output[.., -1, ..]);
        if (!scores.allclose(expected, 1e-4, 1e-5))
        {
            var sequenceFirst = nn.LSTM(28, 20);
            sequenceFirst.load_state_dict(model.lstm.state_dict());
            var (wrong, _, _) = sequenceFirst.forward(images.reshape(6, 28, 28));
            if (scores.allclose(model.fc.forward(wrong[.., -1, ..]), 1e-4, 1e-5))
                throw new ShouldAssertException("The LSTM read the batch as the time axis: build it with batchFirst: true, " +
                    "its input is [B, 28 rows, 28 pixels], batch first.");
        }
        scores.ShouldBeClose(expected, rtol: 1e-4, atol: 1e-5,
            "reshape to [B, 28 rows, 28 pixels] (time step = row), run the LSTM, and give fc the output of the LAST step");
    }
}
