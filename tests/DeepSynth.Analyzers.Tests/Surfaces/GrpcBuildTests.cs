namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>A real gRPC service: protoc (Grpc.Tools, through Grpc.AspNetCore) generates the messages and the WriterBase class.</summary>
public class GrpcBuildTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Program.cs"] = "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddGrpc();\nvar app = builder.Build();\napp.MapGrpcService<WriterService>();\napp.MapGrpcService<SafeWriterService>().RequireAuthorization(\"RealName\");\napp.Run();\n",
        ["Steps.cs"] = SurfaceBuild.Steps,
        ["Protos/writer.proto"] = """
            syntax = "proto3";
            option csharp_namespace = "App.Grpc";
            package writer;
            service Writer {
              rpc Ask (AskRequest) returns (AskReply);
              rpc Stream (AskRequest) returns (stream AskReply);
            }
            message AskRequest { string prompt = 1; }
            message AskReply { string text = 1; }
            """,
        ["WriterService.cs"] = """
            using App.Grpc;
            using Grpc.Core;
            using Microsoft.Extensions.AI;

            public class WriterService(IChatClient chat) : Writer.WriterBase
            {
                public override async Task<AskReply> Ask(AskRequest request, ServerCallContext context)
                {
                    var response = await chat.GetResponseAsync(request.Prompt);
                    return new AskReply { Text = response.Text };
                }

                public override async Task Stream(AskRequest request, IServerStreamWriter<AskReply> responseStream, ServerCallContext context)
                {
                    Steps.EnsureAllowed(request.Prompt);
                    await foreach (var update in chat.GetStreamingResponseAsync(request.Prompt))
                    {
                        await responseStream.WriteAsync(new AskReply { Text = update.Text });
                    }
                }
            }

            public class SafeWriterService(IChatClient chat) : Writer.WriterBase
            {
                public override async Task<AskReply> Ask(AskRequest request, ServerCallContext context)
                {
                    Steps.EnsureAllowed(request.Prompt);
                    var response = await chat.GetResponseAsync(request.Prompt);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return new AskReply { Text = Steps.Label(response.Text) };
                }
            }
            """,
        ["deepsynth.json"] = """{ "catalogue": { "identityPolicies": [ "RealName" ] } }""",
    };

    [Fact]
    public async Task Unary_replies_and_server_streams_of_a_protoc_generated_service_are_published()
    {
        var findings = await SurfaceBuild.FindingsAsync(
            """
            <PackageReference Include="Grpc.AspNetCore" Version="2.85.0" />
            <Protobuf Include="Protos/writer.proto" GrpcServices="Server" />
            <AdditionalFiles Include="deepsynth.json" />
            """,
            Files);
        Assert.Equal(
            new[]
            {
                "WriterService.cs:10 DSYN001", "WriterService.cs:10 DSYN002", "WriterService.cs:10 DSYN003", "WriterService.cs:10 DSYN005",
                "WriterService.cs:18 DSYN001", "WriterService.cs:18 DSYN002", "WriterService.cs:18 DSYN003", "WriterService.cs:18 DSYN005",
                "WriterService.cs:9 DSYN004", // ordinal order
            },
            findings);
    }
}
