using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Faults;

namespace SynthData.Tests.Simulation;

/// <summary>Each fault kind as a raw HTTP client sees it.</summary>
public sealed class FaultInjectionTests
{
    private static readonly string GsmBody = SimulatorHttp.Body(SimulationProblems.Gsm8k, seed: 9);
    private static readonly string GsmStream = SimulatorHttp.Body(SimulationProblems.Gsm8k, seed: 9, stream: true);

    [Fact]
    public async Task Rate_limits_come_with_and_without_retry_after()
    {
        await using var http = await SimulatorHttp.StartAsync("429=1", new SimulatedEndpointOptions { RetryAfterSeconds = 7 });
        var withHeader = 0;
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.PostAsync(GsmBody);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("rate_limit_error", ErrorType(await response.Content.ReadAsStringAsync()));
            if (response.Headers.RetryAfter is { } retryAfter)
            {
                Assert.Equal(TimeSpan.FromSeconds(7), retryAfter.Delta);
                withHeader++;
            }
        }
        Assert.InRange(withHeader, 3, 17);
        Assert.Equal(20, http.Endpoint.Stats.Faults(FaultKind.TooManyRequests));
        Assert.Equal(0, http.Endpoint.Stats.Answered);
    }

    [Theory]
    [InlineData("500", HttpStatusCode.InternalServerError, "application/json")]
    [InlineData("502", HttpStatusCode.BadGateway, "text/html")]
    [InlineData("503", HttpStatusCode.ServiceUnavailable, "application/json")]
    public async Task Server_errors_have_their_status(string kind, HttpStatusCode status, string contentType)
    {
        await using var http = await SimulatorHttp.StartAsync($"{kind}=1");
        using var response = await http.PostAsync(GsmBody);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_hang_ends_when_the_client_gives_up()
    {
        await using var http = await SimulatorHttp.StartAsync("hang=1");
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PostAsync(GsmBody, giveUp.Token));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Equal(1, http.Endpoint.Stats.Faults(FaultKind.Hang));

        // A hang still in flight does not hold up shutdown.
        _ = http.PostAsync(GsmBody);
        await Task.Delay(100);
        watch.Restart();
        await http.Endpoint.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"dispose took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_reset_aborts_the_connection_mid_response()
    {
        await using var http = await SimulatorHttp.StartAsync("reset=1");
        foreach (var body in new[] { GsmBody, GsmStream })
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                using var response = await http.PostAsync(body);
                await response.Content.ReadAsByteArrayAsync();
            });
            Assert.True(error is HttpRequestException or IOException, $"expected a transport error, got {error?.GetType().Name ?? "none"}");
        }
    }

    [Fact]
    public async Task Bad_json_is_a_200_that_does_not_parse()
    {
        await using var http = await SimulatorHttp.StartAsync("badjson=1");
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsync(GsmBody);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }

        using var stream = await http.PostAsync(GsmStream);
        var events = SimulatorHttp.Events(await stream.Content.ReadAsStringAsync());
        Assert.Equal("[DONE]", events[^1]);
        Assert.Contains(events, e => e != "[DONE]" && !Parses(e));
    }

    [Fact]
    public async Task Truncation_cuts_the_body_or_the_stream_short()
    {
        await using var clean = await SimulatorHttp.StartAsync();
        await using var http = await SimulatorHttp.StartAsync("truncate=1");

        using var response = await http.PostAsync(GsmBody);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"id\":", body, StringComparison.Ordinal);
        Assert.False(Parses(body));

        using var stream = await http.PostAsync(GsmStream);
        using var cleanStream = await clean.PostAsync(GsmStream);
        var events = SimulatorHttp.Events(await stream.Content.ReadAsStringAsync());
        var cleanEvents = SimulatorHttp.Events(await cleanStream.Content.ReadAsStringAsync());
        Assert.DoesNotContain("[DONE]", events);
        Assert.All(events, e => Assert.True(Parses(e)));
        Assert.InRange(events.Count, 1, cleanEvents.Count - 2);
        Assert.DoesNotContain(events, e => e.Contains("\"finish_reason\":\"stop\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_choices_and_null_content_are_well_formed_but_useless()
    {
        await using var empty = await SimulatorHttp.StartAsync("empty=1");
        using (var doc = await empty.PostJsonAsync(GsmBody))
            Assert.Equal(0, doc.RootElement.GetProperty("choices").GetArrayLength());
        using (var stream = await empty.PostAsync(GsmStream))
        {
            var events = SimulatorHttp.Events(await stream.Content.ReadAsStringAsync());
            Assert.Equal("[DONE]", events[^1]);
            Assert.All(events.SkipLast(1), e => Assert.Equal(0, JsonDocument.Parse(e).RootElement.GetProperty("choices").GetArrayLength()));
        }

        await using var nulls = await SimulatorHttp.StartAsync("nullcontent=1");
        using var nullDoc = await nulls.PostJsonAsync(GsmBody);
        var message = nullDoc.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("content").ValueKind);
        Assert.Equal(0, nulls.Endpoint.Stats.Answered);
    }

    [Fact]
    public async Task A_huge_body_is_over_10_MB_and_still_carries_the_same_answer()
    {
        await using var clean = await SimulatorHttp.StartAsync();
        await using var http = await SimulatorHttp.StartAsync("huge=1");

        using var response = await http.PostAsync(GsmBody);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 10 * 1024 * 1024, $"{bytes.Length} bytes");
        using var huge = JsonDocument.Parse(bytes);
        using var normal = await clean.PostJsonAsync(GsmBody);
        Assert.Equal(SimulatorHttp.Content(normal), SimulatorHttp.Content(huge));
    }

    [Fact]
    public async Task Bad_utf8_is_rejected_by_a_strict_decoder()
    {
        await using var http = await SimulatorHttp.StartAsync("badutf8=1");
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var body in new[] { GsmBody, GsmStream })
        {
            using var response = await http.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Throws<DecoderFallbackException>(() => strict.GetString(bytes));
        }
    }

    [Fact]
    public async Task Slow_answers_arrive_late_with_the_same_text()
    {
        await using var clean = await SimulatorHttp.StartAsync();
        await using var http = await SimulatorHttp.StartAsync("slow=1", new SimulatedEndpointOptions { SlowDelay = TimeSpan.FromMilliseconds(400) });

        var watch = Stopwatch.StartNew();
        using var slow = await http.PostJsonAsync(GsmBody);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {watch.Elapsed}");
        using var normal = await clean.PostJsonAsync(GsmBody);
        Assert.Equal(SimulatorHttp.Content(normal), SimulatorHttp.Content(slow));
        Assert.Equal(1, http.Endpoint.Stats.Answered);
    }

    [Fact]
    public async Task Latency_delays_answers_but_not_rejections()
    {
        await using var http = await SimulatorHttp.StartAsync("429=0.5", new SimulatedEndpointOptions { Latency = TimeSpan.FromMilliseconds(800) });
        var (answered, rejected) = (0, 0);
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync(GsmBody);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                answered++;
                Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(790), $"answered after {watch.Elapsed}");
            }
            else
            {
                rejected++;
                Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"rejected after {watch.Elapsed}");
            }
        }
        Assert.True(answered > 0 && rejected > 0, $"{answered} answered, {rejected} rejected");
    }

    [Fact]
    public async Task Retrying_through_mixed_faults_gets_exactly_the_fault_free_answers()
    {
        await using var clean = await SimulatorHttp.StartAsync();
        await using var http = await SimulatorHttp.StartAsync("429=0.15,500=0.1,502=0.05,503=0.05,badjson=0.05,truncate=0.05,empty=0.05,nullcontent=0.05,reset=0.05");
        var rounds = 0;
        foreach (var problem in SimulationProblems.All)
        {
            for (var seed = 0; seed < 5; seed++)
            {
                var body = SimulatorHttp.Body(problem, seed);
                using var expected = await clean.PostJsonAsync(body);
                string? got = null;
                while (got is null)
                {
                    rounds++;
                    got = await TryContentAsync(http, body);
                }
                Assert.Equal(SimulatorHttp.Content(expected), got);
            }
        }
        var stats = http.Endpoint.Stats;
        Assert.Equal(rounds, stats.Requests);
        Assert.Equal(SimulationProblems.All.Count * 5, stats.Answered);
        Assert.Equal(stats.Requests - stats.Answered, stats.TotalFaults);
        // About 60% of requests fail; each kind shows up.
        Assert.InRange(stats.TotalFaults, stats.Requests * 0.4, stats.Requests * 0.8);
        Assert.True(stats.Faults(FaultKind.TooManyRequests) > 0 && stats.Faults(FaultKind.Reset) > 0 && stats.Faults(FaultKind.NullContent) > 0);
    }

    [Fact]
    public async Task An_outage_answers_503_then_the_endpoint_comes_back()
    {
        await using var http = await SimulatorHttp.StartAsync("outage=0:0.5");

        using (var down = await http.PostAsync(GsmBody))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        await Task.Delay(600);
        using (var up = await http.PostAsync(GsmBody))
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(1, http.Endpoint.Stats.OutageRejections);
    }

    [Fact]
    public async Task A_dropping_outage_refuses_connections_then_recovers()
    {
        await using var http = await SimulatorHttp.StartAsync("outage=0:0.5:drop");

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(GsmBody));
        await Task.Delay(600);
        using (var up = await http.PostAsync(GsmBody))
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.True(http.Endpoint.Stats.OutageRejections >= 1);
    }

    private static async Task<string?> TryContentAsync(SimulatorHttp http, string body)
    {
        try
        {
            using var response = await http.PostAsync(body);
            if (response.StatusCode != HttpStatusCode.OK)
                return null;
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            var choices = doc.RootElement.GetProperty("choices");
            return choices.GetArrayLength() == 0 ? null : choices[0].GetProperty("message").GetProperty("content").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
        {
            return null;
        }
    }

    private static bool Parses(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ErrorType(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("type").GetString();
}
