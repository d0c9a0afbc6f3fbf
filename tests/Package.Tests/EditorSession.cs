using System.Text.Json.Nodes;

namespace SymmetryDsl.Package.Tests;

/// <summary>A csharp-ls session on one consumer project, with one document open, as an editor keeps it.</summary>
internal sealed class EditorSession : IAsyncDisposable
{
    // A guard against a server that never finishes loading, not a performance bound: loading took about 5 s here.
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    private readonly LanguageServerClient client;

    private EditorSession(LanguageServerClient client, string documentUri)
    {
        this.client = client;
        DocumentUri = documentUri;
    }

    /// <summary>The URI of the open document.</summary>
    public string DocumentUri { get; }

    /// <summary>The server's log so far.</summary>
    public string Log => client.Log;

    /// <summary>Starts csharp-ls in the project folder, initializes it and opens the file.</summary>
    public static async Task<EditorSession> OpenAsync(string server, ConsumerProject project, string fileName, IReadOnlyDictionary<string, string> environment)
    {
        var client = LanguageServerClient.Start(server, project.Directory, environment);
        var rootUri = new Uri(project.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        var documentPath = Path.Combine(project.Directory, fileName);
        var session = new EditorSession(client, new Uri(documentPath).AbsoluteUri);

        using var timeout = new CancellationTokenSource(LoadTimeout);
        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(project.Directory) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["codeAction"] = new JsonObject
                    {
                        ["codeActionLiteralSupport"] = new JsonObject
                        {
                            ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "refactor") },
                        },
                    },
                },
            },
        }, timeout.Token);
        await client.NotifyAsync("initialized", new JsonObject());
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = session.DocumentUri,
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = await File.ReadAllTextAsync(documentPath),
            },
        });
        return session;
    }

    /// <summary>
    /// Pulls the open document's diagnostics (textDocument/diagnostic) once a second until one has the code, and
    /// returns that pull's diagnostics. The first pulls can come before the project has loaded.
    /// </summary>
    public async Task<JsonArray> WaitForDiagnosticAsync(string code)
    {
        using var timeout = new CancellationTokenSource(LoadTimeout);
        var last = new JsonArray();
        while (!timeout.IsCancellationRequested)
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = DocumentUri },
            }, timeout.Token);
            last = report?["items"]?.AsArray() ?? new JsonArray();
            if (last.Any(item => Code(item) == code))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        throw new TimeoutException($"csharp-ls reported no {code} for {DocumentUri} within {LoadTimeout}. Last diagnostics: {last.ToJsonString()}\nServer log:\n{Log}");
    }

    /// <summary>Requests the code actions for a range of the open document, with the diagnostics that cover it.</summary>
    public async Task<JsonArray> CodeActionsAsync(JsonNode range, JsonArray diagnostics)
    {
        using var timeout = new CancellationTokenSource(LoadTimeout);
        var result = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = DocumentUri },
            ["range"] = range.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics.DeepClone() },
        }, timeout.Token);
        return result?.AsArray() ?? new JsonArray();
    }

    /// <summary>Returns a diagnostic's code, such as CS0266 or SYM001.</summary>
    public static string? Code(JsonNode? diagnostic) => diagnostic?["code"]?.ToString();

    /// <summary>Returns a diagnostic's 0-based start line.</summary>
    public static int StartLine(JsonNode? diagnostic) => diagnostic!["range"]!["start"]!["line"]!.GetValue<int>();

    /// <summary>Shuts the server down.</summary>
    public ValueTask DisposeAsync() => client.DisposeAsync();
}
