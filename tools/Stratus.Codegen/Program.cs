using System.IO.Compression;
using System.Text.Json.Nodes;
using Stratus.Codegen;

// Generates the C# contracts of one AWS service from its botocore model (service-2.json).
// Usage: stratus-codegen <service-2.json[.gz]> <CsName> <outDir> [--overlay <older service-2.json>]
// The overlay supplies wire names the current model dropped (SQS's query-protocol names and error codes).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Stratus.Codegen <service-2.json[.gz]> <CsName> <outDir> [--overlay <file>]");
    return 2;
}

var model = Load(args[0]);
JsonObject? overlay = null;
for (var i = 3; i < args.Length - 1; i++)
{
    if (args[i] == "--overlay") overlay = Load(args[i + 1]);
}

var service = new ServiceModel(model, overlay, args[1]);
Directory.CreateDirectory(args[2]);
var prefix = Path.Combine(args[2], args[1]);
File.WriteAllText(prefix + "Shapes.g.cs", new ShapeWriter(service).Write());
File.WriteAllText(prefix + "ApiBase.g.cs", new ApiWriter(service).Write());
File.WriteAllText(Path.Combine(args[2], args[1].ToLowerInvariant() + ".model.json"), new TrimmedModelWriter(service).Write());
Console.WriteLine($"{args[1]}: {service.Operations.Count} operations, {service.Structures.Count()} structures");
return 0;

static JsonObject Load(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
    return JsonNode.Parse(input)!.AsObject();
}
