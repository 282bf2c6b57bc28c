// Usage: Ceiling <port> [bodyBytes]. Answers every request with a fixed body of bodyBytes (default: a small JSON).
// It reads and discards request bodies, so PUT/POST loads cost what they cost a real server.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 4600;
byte[] body = args.Length > 1
    ? new byte[int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)]
    : "{\"MessageId\":\"00000000-0000-0000-0000-000000000000\",\"MD5OfMessageBody\":\"5d41402abc4b2a76b9719d911017c592\"}"u8.ToArray();
var builder = WebApplication.CreateSlimBuilder(args.Length > 2 ? args[2..] : []);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.ListenLocalhost(port);
    k.Limits.MaxRequestBodySize = null;
});
var app = builder.Build();
app.Run(async context =>
{
    await context.Request.Body.CopyToAsync(Stream.Null);
    context.Response.ContentType = "application/octet-stream";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
Console.WriteLine($"ceiling ready on {port} ({body.Length} bytes)");
await app.RunAsync();
