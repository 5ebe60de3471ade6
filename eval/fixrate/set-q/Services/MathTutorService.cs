using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using StackExchange.Redis;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;

namespace XueBa.Coach.Services;

public sealed record MathExplanation(string Text, string Model, IReadOnlyList<string> Sources, bool FromCache, int OutputTokens);

public interface IMathTutorService
{
    Task<MathExplanation> ExplainAsync(MathExplainRequest request, string userId, CancellationToken ct);
    IAsyncEnumerable<string> StreamExplanationAsync(string question, int grade, CancellationToken ct);
    Task<MathSolution> SolveAsync(string question, int grade, string userId, CancellationToken ct);
    Task<IReadOnlyDictionary<string, long>> GetUsageAsync(string userId);
    string ModelName { get; }
}

public sealed class MathTutorService(
    IChatClient chat,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    QdrantClient qdrant,
    IConnectionMultiplexer redis,
    IOptions<StorageOptions> storage,
    IOptions<AiProviderOptions> ai,
    ILogger<MathTutorService> logger) : IMathTutorService
{
    private const string SystemPrompt = """
        你是“学霸教练”的数学老师。请按步骤讲解，每一步说明用到的知识点，语言适合对应年级的学生。
        如果提供了教材片段，优先使用教材中的方法和术语。
        """;

    public string ModelName => ai.Value.Moonshot.Model;

    public async Task<MathExplanation> ExplainAsync(MathExplainRequest request, string userId, CancellationToken ct)
    {
        var cache = redis.GetDatabase();
        var key = $"math:explain:{request.Grade}:{Hash(request.Question)}";

        var cached = await cache.StringGetAsync(key);
        if (cached.HasValue)
        {
            return new MathExplanation(cached.ToString(), ModelName, [], FromCache: true, 0);
        }

        var (context, sources) = await RetrieveAsync(request.Question, request.Grade, ct);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User, $"年级：{request.Grade}\n教材片段：\n{context}\n\n题目：{request.Question}\n{(request.ShowAllSteps ? "请写出全部步骤。" : "只讲关键步骤。")}"),
        };

        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 1500 }, ct);
        await TrackUsageAsync(userId, response.Usage);

        await cache.StringSetAsync(key, response.Text, storage.Value.ExplanationCacheTtl);
        return new MathExplanation(response.Text, response.ModelId ?? ModelName, sources, FromCache: false, (int)(response.Usage?.OutputTokenCount ?? 0));
    }

    public async IAsyncEnumerable<string> StreamExplanationAsync(string question, int grade, [EnumeratorCancellation] CancellationToken ct)
    {
        var (context, _) = await RetrieveAsync(question, grade, ct);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User, $"年级：{grade}\n教材片段：\n{context}\n\n题目：{question}"),
        };

        await foreach (var update in chat.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.2f }, ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<MathSolution> SolveAsync(string question, int grade, string userId, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync<MathSolution>(
            [
                new ChatMessage(ChatRole.System, "把解题过程拆成有标题的步骤，最后给出答案和学生最容易犯的错误。"),
                new ChatMessage(ChatRole.User, $"{grade}年级题目：{question}"),
            ],
            new ChatOptions { Temperature = 0.1f },
            cancellationToken: ct);

        await TrackUsageAsync(userId, response.Usage);
        return response.Result;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetUsageAsync(string userId)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync($"usage:{userId}");
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
    }

    private async Task<(string Context, IReadOnlyList<string> Sources)> RetrieveAsync(string question, int grade, CancellationToken ct)
    {
        try
        {
            var vector = await embedder.GenerateVectorAsync(question, cancellationToken: ct);
            var points = await qdrant.SearchAsync(
                storage.Value.TextbookCollection,
                vector,
                filter: Qdrant.Client.Grpc.Conditions.Range("grade", new Qdrant.Client.Grpc.Range { Lte = grade }),
                limit: 4,
                cancellationToken: ct);

            var sb = new StringBuilder();
            var sources = new List<string>();
            foreach (var point in points)
            {
                sb.AppendLine(point.Payload["text"].StringValue);
                sources.Add(point.Payload["source"].StringValue);
            }
            return (sb.ToString(), sources);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Textbook retrieval failed; answering without context");
            return ("（无）", []);
        }
    }

    private async Task TrackUsageAsync(string userId, UsageDetails? usage)
    {
        if (usage is null) return;
        var db = redis.GetDatabase();
        var key = $"usage:{userId}";
        await db.HashIncrementAsync(key, "requests");
        await db.HashIncrementAsync(key, "input_tokens", usage.InputTokenCount ?? 0);
        await db.HashIncrementAsync(key, "output_tokens", usage.OutputTokenCount ?? 0);
        await db.KeyExpireAsync(key, TimeSpan.FromDays(31));
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())))[..24];
}
