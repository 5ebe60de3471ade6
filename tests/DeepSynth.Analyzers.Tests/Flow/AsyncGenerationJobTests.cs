using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Image and video models that answer with a job (DashScope's Wanx, most video APIs): the submit call is the generation,
/// and the model API's own task query, handed the job's id, returns what it generated. Through a Refit interface (the
/// real Refit attributes) or a typed <c>HttpClient</c> whose class calls a model route. A query of the same API that is
/// handed nothing generated (the account's quota) returns nothing generated. Not followed: a job id read from a member
/// named like a response's own id (<c>Id</c>, <c>RequestId</c>), which describes the response rather than holds content.
/// </summary>
public class AsyncGenerationJobTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using System.Net.Http;\nusing System.Net.Http.Json;\nusing Refit;\n" + program + TestSteps.Source, expected);

    [Fact]
    public async Task A_Refit_task_query_returns_the_image_its_submitted_job_generated()
    {
        await Verify("""
            public sealed record ImageTaskRequest(string Model, string Prompt);
            public sealed record TaskOutput(string? TaskId, string? TaskStatus, List<TaskResult>? Results);
            public sealed record TaskResult(string? Url);
            public sealed record TaskResponse(string? RequestId, TaskOutput? Output);
            public sealed record Quota(int Remaining);

            public interface IWanxApi
            {
                [Post("/api/v1/services/aigc/text2image/image-synthesis")]
                Task<TaskResponse> SubmitAsync([Body] ImageTaskRequest request);

                [Get("/api/v1/tasks/{taskId}")]
                Task<TaskResponse> GetTaskAsync(string taskId);

                [Get("/api/v1/quota")]
                Task<Quota> GetQuotaAsync();
            }

            public sealed class SceneRenderer(IWanxApi wanx, HttpClient http)
            {
                public async Task<byte[]> RenderAsync(string scene)
                {
                    var submitted = await wanx.SubmitAsync(new ImageTaskRequest("wanx2.1-t2i-turbo", scene));
                    var taskId = submitted.Output?.TaskId ?? throw new InvalidOperationException("no task");
                    while (true)
                    {
                        await Task.Delay(1000);
                        var task = await wanx.GetTaskAsync(taskId);
                        if (task.Output?.TaskStatus == "SUCCEEDED")
                        {
                            var url = task.Output.Results?.FirstOrDefault()?.Url ?? throw new InvalidOperationException("no image");
                            return await http.GetByteArrayAsync(url);
                        }
                    }
                }
            }

            public class ScenesController(SceneRenderer renderer, IWanxApi wanx) : ControllerBase
            {
                [HttpPost("/scenes")]
                public async Task<IActionResult> Render([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:File(await {|DSYN004:renderer.RenderAsync(request.Message)|}, "image/png")|}|}|}|};

                [HttpGet("/quota")]
                public async Task<IActionResult> Quota() => Ok(await wanx.GetQuotaAsync());
            }
            """);
    }

    [Fact]
    public async Task A_typed_clients_job_query_returns_what_its_model_call_generated()
    {
        await Verify("""
            public sealed record Job(string TaskId, string Status, List<string> Urls);
            public sealed record Balance(decimal Credits);

            public sealed class PosterClient(HttpClient http)
            {
                public async Task<Job> SubmitAsync(string prompt)
                {
                    using var response = await http.PostAsJsonAsync("v1/images/generations", new { model = "poster-v2", prompt, async_mode = true });
                    return (await response.Content.ReadFromJsonAsync<Job>())!;
                }

                public async Task<Job> GetJobAsync(string id) => (await http.GetFromJsonAsync<Job>($"v1/jobs/{id}"))!;

                public async Task<Balance> GetBalanceAsync() => (await http.GetFromJsonAsync<Balance>("v1/account/balance"))!;
            }

            public class PostersController(PosterClient posters) : ControllerBase
            {
                [HttpPost("/posters")]
                public async Task<IActionResult> Create([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var job = await posters.SubmitAsync(request.Message);
                    var done = await posters.GetJobAsync(job.TaskId);
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(new { urls = done.Urls })|}|}|}|};
                }

                [HttpGet("/posters/balance")]
                public async Task<IActionResult> Balance() => Ok(await posters.GetBalanceAsync());
            }
            """);
    }
}
