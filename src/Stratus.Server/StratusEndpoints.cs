using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Stratus.Protocols;
using Stratus.Storage;

namespace Stratus.Server;

/// <summary>Stratus's own endpoints under <c>/_stratus/</c>: health and reset.</summary>
internal sealed class StratusEndpoints(IReadOnlyList<IAwsService> services, StratusStorage storage, TimeProvider time)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public static string Version { get; } =
        typeof(StratusEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public bool Matches(HttpRequest request) => request.Path.StartsWithSegments("/_stratus", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value;
        if (path == "/_stratus/health" && HttpMethods.IsGet(http.Request.Method))
        {
            await WriteHealthAsync(http.Response).ConfigureAwait(false);
        }
        else if (path == "/_stratus/reset" && HttpMethods.IsPost(http.Request.Method))
        {
            foreach (var service in services) await service.ResetAsync().ConfigureAwait(false);
            await storage.ClearAsync().ConfigureAwait(false);
            http.Response.StatusCode = 200;
            await http.Response.WriteAsync("{\"reset\":true}").ConfigureAwait(false);
        }
        else
        {
            http.Response.StatusCode = 404;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{\"message\":\"No such Stratus endpoint. Try /_stratus/health.\"}").ConfigureAwait(false);
        }
    }

    private async Task WriteHealthAsync(HttpResponse response)
    {
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", "running");
        writer.WriteString("version", Version);
        writer.WriteNumber("uptimeSeconds", Math.Round((time.GetUtcNow() - _started).TotalSeconds, 3));
        writer.WriteString("storage", storage.IsDurable ? "durable" : "ephemeral");
        if (storage.DataPath is not null) writer.WriteString("dataDirectory", storage.DataPath);
        writer.WriteStartObject("services");
        foreach (var service in services)
        {
            writer.WriteStartObject(service.Name);
            writer.WriteString("state", "running");
            writer.WriteNumber("implementedOperations", service.ImplementedOperations.Count);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
