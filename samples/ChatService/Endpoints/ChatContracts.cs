namespace ChatService.Endpoints;

/// <summary>A chat question from a client.</summary>
public sealed record ChatRequest(string Prompt);

/// <summary>A chat answer sent back to the client.</summary>
public sealed record ChatReply(string Answer);
