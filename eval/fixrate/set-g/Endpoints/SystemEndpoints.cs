using LexDesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LexDesk.Endpoints;

public static class SystemEndpoints
{
    private static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    public sealed record SettingsUpdate(string? PreferredLanguage, bool? EmailNotifications, string? TimeZone);

    public static RouteGroupBuilder MapSystemEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok", uptime = DateTimeOffset.UtcNow - StartedAt }));

        var settings = api.MapGroup("/users/{userId}/settings").WithTags("Settings");
        settings.MapGet("/", (string userId, IMatterStore store) => TypedResults.Ok(store.GetSettings(userId)));
        settings.MapPut("/", Results<NoContent, BadRequest<string>> (string userId, SettingsUpdate update, IMatterStore store) =>
        {
            if (update.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(update.TimeZone, out _))
                return TypedResults.BadRequest($"Unknown time zone '{update.TimeZone}'.");

            var current = store.GetSettings(userId);
            store.SaveSettings(current with
            {
                PreferredLanguage = update.PreferredLanguage ?? current.PreferredLanguage,
                EmailNotifications = update.EmailNotifications ?? current.EmailNotifications,
                TimeZone = update.TimeZone ?? current.TimeZone
            });
            return TypedResults.NoContent();
        });
        return api;
    }
}
