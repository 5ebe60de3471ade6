namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>A controller action publishing a generation, with <c>ATTRIBUTE</c> where a test puts the action's attributes.</summary>
internal static class AskControllerSource
{
    public const string Text = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        [ApiController]
        public class AskController : ControllerBase
        {
            private readonly IChatClient _chat;
            public AskController(IChatClient chat) { _chat = chat; }

            ATTRIBUTE
            [HttpPost("ask")]
            public async Task<IActionResult> Ask() => Ok((await _chat.GetResponseAsync("Write a greeting")).Text);
        }
        """;
}
