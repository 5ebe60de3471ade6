using System.Globalization;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.AI;
using PeiFu.Claims.Data;
using PeiFu.Claims.Grpc.Contracts;
using PeiFu.Claims.Security;

namespace PeiFu.Claims.GrpcServices;

/// <summary>gRPC surface for the branch desktop client and partner garages.</summary>
[Authorize]
public sealed class ClaimAssistGrpcService(
    IClaimAssistant assistant,
    IPolicyAdvisor advisor,
    ClaimsDbContext db,
    IContentReviewer review,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    ILogger<ClaimAssistGrpcService> logger) : ClaimAssist.ClaimAssistBase
{
    [RequireRealName]
    public override async Task<DraftReplyResponse> DraftCustomerReply(DraftReplyRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (string.IsNullOrWhiteSpace(request.ClaimId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "claim_id is required"));
        }

        var customerMessage = await review.EnsureAllowedAsync(request.CustomerMessage, ReviewStage.Input, ct);
        var instruction = await review.EnsureAllowedAsync(request.Instruction, ReviewStage.Input, ct);

        var reply = await assistant.DraftCustomerReplyAsync(request.ClaimId, customerMessage, instruction, ct);
        var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = context.GetHttpContext().User.GetUserId(),
            Model = reply.Model,
            ContentId = $"grpc:{request.ClaimId}:{Guid.NewGuid():N}",
            Labeled = true
        }, ct);

        return new DraftReplyResponse
        {
            ClaimId = request.ClaimId,
            Reply = labeler.Label(text),
            Model = reply.Model,
            InputTokens = reply.InputTokens ?? 0,
            OutputTokens = reply.OutputTokens ?? 0
        };
    }

    public override async Task StreamPolicyAnswer(PolicyQuestionRequest request, IServerStreamWriter<AnswerChunk> responseStream,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);

        await responseStream.WriteAsync(new AnswerChunk { Text = labeler.Notice }, ct);
        await foreach (var token in advisor.StreamAnswerAsync(request.PolicyNumber, question, ct))
        {
            await responseStream.WriteAsync(new AnswerChunk { Text = token }, ct);
        }
        await responseStream.WriteAsync(new AnswerChunk { Final = true }, ct);
    }

    public override async Task<ClaimStatusReply> GetClaimStatus(ClaimStatusRequest request, ServerCallContext context)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ClaimId, context.CancellationToken);
        if (claim is null)
        {
            logger.LogDebug("Status lookup for unknown claim {ClaimId}", request.ClaimId);
            throw new RpcException(new Status(StatusCode.NotFound, $"claim {request.ClaimId} not found"));
        }

        return new ClaimStatusReply
        {
            ClaimId = claim.Id,
            Status = claim.Status.ToString(),
            PolicyNumber = claim.PolicyNumber,
            ClaimedAmount = (double)claim.ClaimedAmount,
            ApprovedAmount = (double)(claim.ApprovedAmount ?? 0m),
            UpdatedAt = claim.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)
        };
    }
}
