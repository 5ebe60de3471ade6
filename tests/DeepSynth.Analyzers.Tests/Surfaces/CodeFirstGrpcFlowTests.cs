using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>
/// Code-first gRPC against the real protobuf-net.Grpc: a class implementing a [Service] contract answers calls, so its
/// request is user input and its reply (or the stream it returns) is published; a method outside the contract is not.
/// </summary>
public class CodeFirstGrpcFlowTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using Microsoft.Extensions.AI;\nusing ProtoBuf.Grpc;\n" + program + Flow.TestSteps.Source, expected);

    [Fact]
    public async Task Replies_and_streams_of_a_contract_implementation_are_published()
    {
        await Verify("""
            [System.Runtime.Serialization.DataContract] public sealed class TipRequest { [System.Runtime.Serialization.DataMember(Order = 1)] public string Topic { get; set; } = ""; }
            [System.Runtime.Serialization.DataContract] public sealed class TipReply { [System.Runtime.Serialization.DataMember(Order = 1)] public string Text { get; set; } = ""; }

            [ProtoBuf.Grpc.Configuration.Service]
            public interface ITipService
            {
                ValueTask<TipReply> GetTipAsync(TipRequest request, CallContext context = default);
                IAsyncEnumerable<TipReply> StreamTipsAsync(TipRequest request, CallContext context = default);
                ValueTask<TipReply> PingAsync(TipRequest request, CallContext context = default);
            }

            public sealed class TipService(IChatClient chat) : ITipService
            {
                public async ValueTask<TipReply> GetTipAsync(TipRequest request, CallContext context = default)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(request.Topic)|};
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:new TipReply { Text = response.Text }|}|}|}|};
                }

                public async IAsyncEnumerable<TipReply> StreamTipsAsync(TipRequest request, CallContext context = default)
                {
                    Steps.EnsureAllowed(request.Topic);
                    await foreach (var update in chat.GetStreamingResponseAsync(request.Topic))
                    {
                        yield return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:new TipReply { Text = update.Text }|}|}|}|};
                    }
                }

                public ValueTask<TipReply> PingAsync(TipRequest request, CallContext context = default) { var reply = new TipReply { Text = "pong" }; return ValueTask.FromResult(reply); }

                public async Task<string> DraftAsync(string topic) => (await chat.GetResponseAsync(topic)).Text;
            }
            """);
    }
}
