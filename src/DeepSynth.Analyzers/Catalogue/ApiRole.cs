using System.Collections.Immutable;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>What a member means to the engine.</summary>
    internal enum ApiRoleKind
    {
        None = 0,
        /// <summary>Generates content (a model call or a [GeneratedContentSource] member).</summary>
        GenerationSource,
        /// <summary>Publishes the content of some arguments to people.</summary>
        Publisher,
        /// <summary>A compliance step (labeler, reviewer, real-name verifier, auditor): <see cref="ApiRole.Step"/> says what it establishes.</summary>
        ComplianceStep,
        /// <summary>Edits a person's face or voice.</summary>
        BiometricEditor,
        /// <summary>Registers a handler delegate that becomes an entry point (MapPost, Use, StartReceiving).</summary>
        HandlerRegistration,
        /// <summary>Returns user input (a request read or a configured input member).</summary>
        UserInput,
        /// <summary>Returns a channel to people (HttpContext.Response, HttpResponse.Body).</summary>
        Channel,
    }

    /// <summary>The kinds of compliance steps the catalogue knows (from attributes, deepsynth.json sections and SDK rows); the duty table says what each establishes.</summary>
    internal enum StepKind
    {
        Labeler,
        Reviewer,
        IdentityVerifier,
        Auditor,
        ConsentVerifier,

        /// <summary>Re-encodes content without its metadata (an image encoder that drops the AIGC block): undoes the implicit label.</summary>
        MetadataStripper,

        /// <summary>A boolean that, when true, asks for output without the explicit label ("Raw", "WithoutLabel").</summary>
        UnlabeledRequest,

        /// <summary>A boolean that, when false, asks for output without the explicit label ("IncludeLabel").</summary>
        UnlabeledRequestWhenFalse,

        /// <summary>Checks the user's agreement to the labeling duty and logs the recipient (IUnlabeledExportGate.AuthorizeAsync).</summary>
        UnlabeledExportGate,

        /// <summary>Inspects an upload's implicit label on a propagation platform (IPropagationInspector.Inspect).</summary>
        PropagationInspector,
    }

    /// <summary>Calls a duty guards at the call itself (rather than where content is published).</summary>
    internal enum GuardedCallKind
    {
        None,
        /// <summary>Edits or generates a person's face from their image (face swap, face or pose control).</summary>
        FaceEdit,
        /// <summary>Edits or generates a person's voice from their recording (voice cloning, voice conversion).</summary>
        VoiceEdit,
    }

    /// <summary>The role of one member, resolved once per compilation.</summary>
    internal sealed class ApiRole
    {
        public static readonly ApiRole None = new ApiRole(ApiRoleKind.None, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, string.Empty);

        public ApiRole(ApiRoleKind kind, MediaKind media, ImmutableArray<int> contentParameters, EntryKind entryKind, string description, bool publishesViewState = false, ComplianceStep? step = null, Location? inputLocation = null)
        {
            InputLocation = inputLocation;
            Step = step;
            PublishesViewState = publishesViewState;
            Kind = kind;
            Media = media;
            ContentParameters = contentParameters;
            EntryKind = entryKind;
            Description = description;
        }

        public ApiRoleKind Kind { get; }

        public MediaKind Media { get; }

        /// <summary>For publishers: ordinals of the parameters that carry content; empty means every argument.</summary>
        public ImmutableArray<int> ContentParameters { get; }

        /// <summary>For handler registrations: what kind of entry point the handler becomes.</summary>
        public EntryKind EntryKind { get; }

        /// <summary>Culture-neutral display name, e.g. "IChatClient.GetResponseAsync".</summary>
        public string Description { get; }

        public bool IsNone => Kind == ApiRoleKind.None;

        /// <summary>For biometric editors: a voice edit for audio, a face edit otherwise (images, video).</summary>
        public GuardedCallKind GuardedCall =>
            Kind != ApiRoleKind.BiometricEditor ? GuardedCallKind.None : Media == MediaKind.Audio ? GuardedCallKind.VoiceEdit : GuardedCallKind.FaceEdit;

        /// <summary>For compliance steps: what the step establishes.</summary>
        public ComplianceStep? Step { get; }

        /// <summary>The role of a compliance step of <paramref name="kind"/>, or none when no duty needs that kind of step yet.</summary>
        public static ApiRole ForStep(StepKind kind, string description) =>
            Rules.DutyTable.StepFor(kind) is { } step
                ? new ApiRole(ApiRoleKind.ComplianceStep, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, description, step: step)
                : None;

        /// <summary>
        /// For user input that is one value however often it is read (a bound property): where it is declared, so every
        /// read is the same origin and reviewing one read covers the next. Null: each read is its own origin (a request read).
        /// </summary>
        public Location? InputLocation { get; }

        /// <summary>For publishers: a view, which also renders the controller's ViewData, ViewBag and TempData.</summary>
        public bool PublishesViewState { get; }
    }
}
