using System.Reflection;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Consent;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Propagation;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Builder;

namespace DeepSynth.Compliance.Tests;

/// <summary>The analyzer finds SDK steps only through these annotations; this pins the contract it relies on.</summary>
public class AnnotationContractTests
{
    public static TheoryData<Type, string, Type> Steps => new()
    {
        { typeof(IAigcTextLabeler), nameof(IAigcTextLabeler.Label), typeof(AigcLabelerAttribute) },
        { typeof(IAigcTextLabeler), nameof(IAigcTextLabeler.LabelStream), typeof(AigcLabelerAttribute) },
        { typeof(IAigcTextLabeler), nameof(IAigcTextLabeler.LabelJson), typeof(AigcLabelerAttribute) },
        { typeof(IAigcTextLabeler), nameof(IAigcTextLabeler.Notice), typeof(AigcLabelerAttribute) },
        { typeof(AigcTextLabeler), nameof(AigcTextLabeler.Label), typeof(AigcLabelerAttribute) },
        { typeof(AigcHtmlMeta), nameof(AigcHtmlMeta.Label), typeof(AigcLabelerAttribute) },
        { typeof(IAigcFileLabeler), nameof(IAigcFileLabeler.Label), typeof(AigcLabelerAttribute) },
        { typeof(IAigcMetadataCarrier), nameof(IAigcMetadataCarrier.Embed), typeof(AigcLabelerAttribute) },
        { typeof(PngAigcCarrier), nameof(PngAigcCarrier.Embed), typeof(AigcLabelerAttribute) },
        { typeof(IVisibleImageLabeler), nameof(IVisibleImageLabeler.Label), typeof(AigcLabelerAttribute) },
        { typeof(IAudioLabeler), nameof(IAudioLabeler.LabelWav), typeof(AigcLabelerAttribute) },
        { typeof(IPropagationInspector), nameof(IPropagationInspector.AppendPropagation), typeof(AigcLabelerAttribute) },
        { typeof(IContentReviewer), nameof(IContentReviewer.ReviewAsync), typeof(ContentReviewerAttribute) },
        { typeof(IContentReviewer), nameof(IContentReviewer.EnsureAllowedAsync), typeof(ContentReviewerAttribute) },
        { typeof(ContentReviewer), nameof(ContentReviewer.EnsureAllowedAsync), typeof(ContentReviewerAttribute) },
        { typeof(IRealNameGate), nameof(IRealNameGate.EnsureVerifiedAsync), typeof(IdentityVerifierAttribute) },
        { typeof(IRealNameGate), nameof(IRealNameGate.IsVerifiedAsync), typeof(IdentityVerifierAttribute) },
        { typeof(RealNameGate), nameof(RealNameGate.EnsureVerifiedAsync), typeof(IdentityVerifierAttribute) },
        { typeof(ISynthesisAuditLog), nameof(ISynthesisAuditLog.RecordAsync), typeof(SynthesisAuditorAttribute) },
        { typeof(SynthesisAuditLog), nameof(SynthesisAuditLog.RecordAsync), typeof(SynthesisAuditorAttribute) },
        { typeof(IBiometricConsentVerifier), nameof(IBiometricConsentVerifier.EnsureConsentAsync), typeof(ConsentVerifierAttribute) },
        { typeof(IBiometricConsentVerifier), nameof(IBiometricConsentVerifier.HasConsentAsync), typeof(ConsentVerifierAttribute) },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Every_overload_of_a_step_carries_its_annotation(Type type, string member, Type attribute)
    {
        var members = type.GetMember(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.True(m.IsDefined(attribute, inherit: false), $"{type.Name}.{m.Name} lacks [{attribute.Name}]"));
    }

    [Fact]
    public void Bool_returning_identity_and_consent_checks_return_task_of_bool()
    {
        Assert.Equal(typeof(Task<bool>), typeof(IRealNameGate).GetMethod(nameof(IRealNameGate.IsVerifiedAsync))!.ReturnType);
        Assert.Equal(typeof(Task<bool>), typeof(IBiometricConsentVerifier).GetMethod(nameof(IBiometricConsentVerifier.HasConsentAsync))!.ReturnType);
    }

    [Fact]
    public void EnsureAllowedAsync_returns_the_reviewed_content_type()
    {
        var method = typeof(IContentReviewer).GetMethod(nameof(IContentReviewer.EnsureAllowedAsync))!;
        Assert.Equal(typeof(string), method.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(Task<string>), method.ReturnType);
    }

    [Fact]
    public void RequireRealName_convention_is_generic_over_the_endpoint_builder()
    {
        var method = typeof(RealNameEndpointConventionBuilderExtensions).GetMethod("RequireRealName")!;
        Assert.True(method.IsGenericMethodDefinition);
        var builder = Assert.Single(method.GetGenericArguments());
        Assert.Contains(typeof(IEndpointConventionBuilder), builder.GetGenericParameterConstraints());
        Assert.Equal("DeepSynth.Compliance.RequireRealNameAttribute", typeof(RequireRealNameAttribute).FullName);
    }
}
