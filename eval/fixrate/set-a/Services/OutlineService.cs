using Microsoft.Extensions.AI;

namespace WriterApp.Services;

public sealed class OutlineService(IChatClient chat)
{
    public async Task<string> CreateAsync(string topic, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync($"Create a five-point outline for {topic}", cancellationToken: cancellationToken);
        return response.Text;
    }
}
