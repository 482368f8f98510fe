using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;

namespace SynthData.Tests.Simulation;

/// <summary>The simulated endpoint through the official OpenAI SDK, over real HTTP on loopback.</summary>
public sealed class SimulatedEndpointTests
{
    private static readonly SimulatedAnswerBook Book = new(SimulationProblems.All);

    [Fact]
    public async Task Answers_a_templated_problem_with_its_reasoning_answer_and_usage()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { Accuracy = 1 }, Book, CancellationToken.None);
        var chat = Client(endpoint);

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(SimulationProblems.InTemplate(SimulationProblems.Gsm8k))]);

        var text = completion.Content[0].Text;
        Assert.True(AnswerText.Accepted("18", text), text);
        Assert.Contains("16 - 3 - 4 = 9", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("simulated", completion.Model);
        Assert.Equal(SimpleTokenizer.Count(text), completion.Usage.OutputTokenCount);
        Assert.True(completion.Usage.InputTokenCount > SimpleTokenizer.Count(SimulationProblems.Gsm8k.Prompt));
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);

        var stats = endpoint.Stats;
        Assert.Equal((1, 1, 1), (stats.Requests, stats.Answered, stats.Completions));
        Assert.Equal(completion.Usage.OutputTokenCount, stats.CompletionTokens);
        Assert.Equal(completion.Usage.InputTokenCount, stats.PromptTokens);
        Assert.Equal(0, stats.UnknownPrompts);
    }

    [Fact]
    public async Task Streaming_sends_the_same_text_as_a_plain_request_then_usage_and_done()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions(), Book, CancellationToken.None);
        var chat = Client(endpoint);
        var options = Options(seed: 11);
        ChatMessage[] messages = [new SystemChatMessage("You are careful."), new UserChatMessage(SimulationProblems.InTemplate(SimulationProblems.Gsm8kLong))];

        ChatCompletion plain = await chat.CompleteChatAsync(messages, options);
        var streamed = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        var updates = 0;
        await foreach (var update in chat.CompleteChatStreamingAsync(messages, options))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
                streamed.Append(part.Text);
            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal(plain.Content[0].Text, streamed.ToString());
        Assert.True(updates > 5, "the answer arrives in pieces");
        Assert.Equal(plain.FinishReason, finish);
        Assert.NotNull(usage);
        Assert.Equal(plain.Usage.OutputTokenCount, usage.OutputTokenCount);
        Assert.Equal(plain.Usage.InputTokenCount, usage.InputTokenCount);
    }

    [Fact]
    public async Task N_choices_are_the_models_choices_for_that_seed()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions(), Book, CancellationToken.None);
        var options = Options(seed: 5);
#pragma warning disable SCME0001 // JsonPatch is how the SDK sends n and reads extra choices.
        options.Patch.Set("$.n"u8, 4);
#pragma warning restore SCME0001
        var prompt = SimulationProblems.InTemplate(SimulationProblems.Decimal);

        var result = await Client(endpoint).CompleteChatAsync([new UserChatMessage(prompt)], options);

        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var choices = raw.RootElement.GetProperty("choices");
        Assert.Equal(4, choices.GetArrayLength());
        var model = new SimulatedModel(Book, new SimulatedEndpointOptions().Accuracy);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i, choices[i].GetProperty("index").GetInt32());
            Assert.Equal(model.Complete(prompt, 5, i).ToText(), SimulatorHttp.Content(raw, i));
        }
        Assert.Equal(result.Value.Content[0].Text, SimulatorHttp.Content(raw, 0));
        Assert.Equal(choices.EnumerateArray().Sum(c => SimpleTokenizer.Count(c.GetProperty("message").GetProperty("content").GetString())), result.Value.Usage.OutputTokenCount);
        Assert.Equal(4, endpoint.Stats.Completions);
    }

    [Fact]
    public async Task Max_tokens_cuts_the_text_and_reports_length()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { Accuracy = 1 }, Book, CancellationToken.None);
        var chat = Client(endpoint);
        ChatMessage[] messages = [new UserChatMessage(SimulationProblems.InTemplate(SimulationProblems.Gsm8k))];

        ChatCompletion full = await chat.CompleteChatAsync(messages, Options(seed: 1));
        var cutOptions = Options(seed: 1);
        cutOptions.MaxOutputTokenCount = 7;
        ChatCompletion cut = await chat.CompleteChatAsync(messages, cutOptions);

        Assert.Equal(ChatFinishReason.Length, cut.FinishReason);
        Assert.Equal(7, cut.Usage.OutputTokenCount);
        Assert.StartsWith(cut.Content[0].Text, full.Content[0].Text, StringComparison.Ordinal);
        Assert.True(cut.Content[0].Text.Length < full.Content[0].Text.Length);

        // The legacy max_tokens field works the same way.
        await using var http = await SimulatorHttp.StartAsync(options: new SimulatedEndpointOptions { Accuracy = 1 });
        using var legacy = await http.PostJsonAsync(SimulatorHttp.Body(SimulationProblems.InTemplate(SimulationProblems.Gsm8k), seed: 1, maxTokens: 7));
        Assert.Equal(cut.Content[0].Text, SimulatorHttp.Content(legacy));
        Assert.Equal("length", legacy.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Same_seed_same_text_other_seeds_vary_and_temperature_zero_is_greedy()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { Accuracy = 0.5 }, Book, CancellationToken.None);
        var chat = Client(endpoint);
        ChatMessage[] messages = [new UserChatMessage(SimulationProblems.InTemplate(SimulationProblems.Gsm8kLong))];

        async Task<string> Text(long seed, float? temperature = null)
        {
            var options = Options(seed);
            options.Temperature = temperature;
            ChatCompletion c = await chat.CompleteChatAsync(messages, options);
            return c.Content[0].Text;
        }

        Assert.Equal(await Text(3), await Text(3));
        var bySeed = new HashSet<string>();
        var greedy = new HashSet<string>();
        for (var seed = 0; seed < 8; seed++)
        {
            bySeed.Add(await Text(seed));
            greedy.Add(await Text(seed, temperature: 0));
        }
        Assert.True(bySeed.Count >= 3, $"only {bySeed.Count} distinct texts over 8 seeds");
        Assert.Single(greedy);
    }

    [Fact]
    public async Task Accuracy_over_1000_samples_matches_the_setting()
    {
        var problems = Enumerable.Range(0, 20).Select(i => SimulationProblems.Sum(100 + i, 23)).ToList();
        await using var http = await SimulatorHttp.StartAsync(options: new SimulatedEndpointOptions { Accuracy = 0.7 }, book: new SimulatedAnswerBook(problems));

        var correct = 0;
        foreach (var (problem, index) in problems.Select((p, i) => (p, i)))
        {
            using var doc = await http.PostJsonAsync(SimulatorHttp.Body(SimulationProblems.InTemplate(problem), n: 50, seed: index));
            foreach (var choice in doc.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (AnswerText.Accepted(problem.Answer!, choice.GetProperty("message").GetProperty("content").GetString()!))
                    correct++;
            }
        }

        // 1000 Bernoulli(0.7) draws: sd ≈ 14.5, so ±60 is beyond 4 sd.
        Assert.InRange(correct, 640, 760);
        Assert.Equal(1000, http.Endpoint.Stats.Completions);
    }

    [Fact]
    public async Task Reasoning_field_moves_the_thinking_out_of_the_content()
    {
        await using var http = await SimulatorHttp.StartAsync(options: new SimulatedEndpointOptions { Accuracy = 1, ReasoningField = true });
        var prompt = SimulationProblems.InTemplate(SimulationProblems.Gsm8k);
        var expected = new SimulatedModel(Book, 1).Complete(prompt, 0, 0);

        using var doc = await http.PostJsonAsync(SimulatorHttp.Body(prompt));
        var message = doc.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(expected.Reasoning, message.GetProperty("reasoning_content").GetString());
        Assert.Equal(expected.Answer, message.GetProperty("content").GetString());

        using var streamed = await http.PostAsync(SimulatorHttp.Body(prompt, stream: true));
        var reasoning = new StringBuilder();
        var content = new StringBuilder();
        foreach (var e in SimulatorHttp.Events(await streamed.Content.ReadAsStringAsync()).Where(e => e != "[DONE]"))
        {
            using var chunk = JsonDocument.Parse(e);
            foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                var delta = choice.GetProperty("delta");
                if (delta.TryGetProperty("reasoning_content", out var r))
                    reasoning.Append(r.GetString());
                if (delta.TryGetProperty("content", out var c))
                    content.Append(c.GetString());
            }
        }
        Assert.Equal(expected.Reasoning, reasoning.ToString());
        Assert.Equal(expected.Answer, content.ToString());
    }

    [Fact]
    public async Task The_question_is_the_last_user_message_not_a_few_shot_example()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { Accuracy = 1 }, Book, CancellationToken.None);
        ChatMessage[] messages =
        [
            new SystemChatMessage("Answer like this example."),
            new UserChatMessage(SimulationProblems.Gsm8kLong.Prompt),
            new AssistantChatMessage("The answer is $\\boxed{70000}$."),
            new UserChatMessage(SimulationProblems.InTemplate(SimulationProblems.Negative)),
        ];

        ChatCompletion completion = await Client(endpoint).CompleteChatAsync(messages);

        Assert.True(AnswerText.Accepted("-5", completion.Content[0].Text), completion.Content[0].Text);
        Assert.True(completion.Usage.InputTokenCount > SimpleTokenizer.Count(SimulationProblems.Gsm8kLong.Prompt) + SimpleTokenizer.Count(SimulationProblems.Negative.Prompt));
    }

    [Fact]
    public async Task Unknown_prompts_get_an_answer_and_are_counted()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions(), Book, CancellationToken.None);

        ChatCompletion completion = await Client(endpoint).CompleteChatAsync([new UserChatMessage("How many moons does a planet with 3 rings and 4 storms have?")]);

        Assert.Contains("guess", completion.Content[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, endpoint.Stats.UnknownPrompts);
    }

    [Fact]
    public async Task Lists_its_model_and_rejects_bad_requests_and_wrong_keys()
    {
        await using var http = await SimulatorHttp.StartAsync(options: new SimulatedEndpointOptions { ModelName = "sim-test", ApiKey = "secret" });
        http.Client.DefaultRequestHeaders.Authorization = SimulatorHttp.Bearer("secret");

        using var models = JsonDocument.Parse(await http.Client.GetStringAsync(new Uri($"{http.Endpoint.BaseUrl}/models")));
        Assert.Equal("sim-test", models.RootElement.GetProperty("data")[0].GetProperty("id").GetString());

        foreach (var (body, field) in new[] { ("{\"messages\": []}", "messages"), ("{\"messages\": [{\"role\":\"user\",\"content\":\"hi\"}], \"n\": 0}", "n"), ("not json", null) })
        {
            using var bad = await http.PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            if (field is not null)
                Assert.Equal(field, error.RootElement.GetProperty("error").GetProperty("param").GetString());
        }

        http.Client.DefaultRequestHeaders.Authorization = SimulatorHttp.Bearer("wrong");
        using var unauthorized = await http.PostAsync(SimulatorHttp.Body("hi"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        var sdk = new ChatClient("x", new ApiKeyCredential("secret"), new OpenAIClientOptions { Endpoint = http.Endpoint.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) });
        ChatCompletion ok = await sdk.CompleteChatAsync([new UserChatMessage("hello")]);
        Assert.Equal("sim-test", ok.Model);
        Assert.Equal(4, http.Endpoint.Stats.BadRequests);
        Assert.Equal(1, http.Endpoint.Stats.Answered);
    }

    private static ChatClient Client(SimulatedEndpoint endpoint) =>
        new("simulated", new ApiKeyCredential("EMPTY"), new OpenAIClientOptions { Endpoint = endpoint.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) });

    private static ChatCompletionOptions Options(long seed)
    {
#pragma warning disable OPENAI001 // Seed is experimental in the SDK.
        return new ChatCompletionOptions { Seed = seed };
#pragma warning restore OPENAI001
    }
}
