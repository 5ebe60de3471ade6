using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// Whether a project is shaped like a service that publishes to people, the ones the project duties (DSYN101-107:
    /// filing number, complaint portal, user agreement, ...) are written for. A project has them when it has a manifest
    /// (deepsynth.json), or when it generates content and is one of these (see docs/project-duties.md):
    /// an ASP.NET Core app (web SDK, MVC, minimal APIs, SignalR hubs, Razor, Blazor), a Bot Framework bot, an Azure
    /// Functions app, or a hosted worker (a BackgroundService or IHostedService it declares). A console tool or a library
    /// that calls a model is not: its duties belong to the service that ships it, which declares them in its manifest.
    /// </summary>
    internal static class ServiceShape
    {
        /// <summary>Types only service hosts reference: HTTP (ASP.NET Core, SignalR), bot turns, function invocations.</summary>
        private static readonly string[] ServiceFrameworkTypes =
        {
            "Microsoft.AspNetCore.Http.HttpContext",
            "Microsoft.Bot.Builder.ITurnContext",
            "Microsoft.Azure.Functions.Worker.FunctionContext",
        };

        private const string HostedServiceInterface = "Microsoft.Extensions.Hosting.IHostedService";

        public static bool ReferencesServiceFramework(Compilation compilation) =>
            ServiceFrameworkTypes.Any(name => TypeResolver.For(compilation).Resolve(name) != null);

        /// <summary>The hosted-service interface, when the project can declare workers at all; null otherwise.</summary>
        public static INamedTypeSymbol? HostedService(Compilation compilation) => TypeResolver.For(compilation).Resolve(HostedServiceInterface);

        /// <summary>A class of the project that the generic host runs as a worker (BackgroundService implements IHostedService).</summary>
        public static bool IsWorker(INamedTypeSymbol type, INamedTypeSymbol hostedService) =>
            type.TypeKind == TypeKind.Class && !type.IsAbstract && type.AllInterfaces.Contains(hostedService, SymbolEqualityComparer.Default);
    }
}
