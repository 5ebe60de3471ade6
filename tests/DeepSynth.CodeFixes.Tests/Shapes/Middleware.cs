// kind: program
using Microsoft.Extensions.AI;

var app = WebApplication.CreateBuilder(args).Build();
app.Use(async (HttpContext context, RequestDelegate next) =>
{
    if (context.Request.Path != "/fortune")
    {
        await next(context);
        return;
    }

    var chat = context.RequestServices.GetRequiredService<IChatClient>();
    var response = await chat.GetResponseAsync("Write a fortune cookie message");
    await context.Response.WriteAsync(response.Text);
});
app.Run();
