// deepsynth.json: {"roles":["propagationPlatform"]}
// Held-out (DSYN012): a community hub that relays what users upload to everyone in a room.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Propagation;
using Microsoft.AspNetCore.SignalR;

[RequireRealName]
public class RoomHub(IPropagationInspector inspector) : Hub
{
    public async Task Share(string room, byte[] picture)
    {
        await Clients.Group(room).SendAsync("picture", picture); // expect: DSYN012
    }

    public async Task ShareInspected(string room, byte[] picture)
    {
        var inspection = inspector.Inspect(picture);
        var stamped = inspector.AppendPropagation(picture, inspection);
        await Clients.Group(room).SendAsync("picture", stamped, inspection.Notice);
    }
}
