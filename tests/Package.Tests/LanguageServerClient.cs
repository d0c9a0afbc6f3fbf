using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryDsl.Package.Tests;

/// <summary>
/// A minimal Language Server Protocol client over the standard input and output of a server process: JSON-RPC
/// messages framed by a Content-Length header. It replies to the server's workspace/configuration request with
/// analyzers enabled and every other server request with a null result.
/// </summary>
internal sealed class LanguageServerClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder log = new();
    private readonly Task readLoop;
    private int nextId;

    private LanguageServerClient(Process process)
    {
        this.process = process;
        input = process.StandardInput.BaseStream;
        readLoop = Task.Run(() => ReadMessagesAsync(process.StandardOutput.BaseStream));
    }

    /// <summary>The server's standard error so far: its log, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the server executable in the working directory with extra environment variables.</summary>
    public static LanguageServerClient Start(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Failed to start '{executable}'.");
        var client = new LanguageServerClient(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (client.log)
            {
                client.log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Sends a request and waits for its result; an error response throws.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await response.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends a notification, which has no response.</summary>
    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Asks the server to shut down and exit, and ends the process if it has not exited after ten seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RequestAsync("shutdown", null, shutdown.Token);
            await NotifyAsync("exit", null);
            await process.WaitForExitAsync(shutdown.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            // A server that does not shut down in time, or has already exited, is ended below.
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await readLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
        writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadMessagesAsync(Stream output)
    {
        try
        {
            while (await ReadMessageAsync(output) is { } message)
            {
                await DispatchAsync(message);
            }
        }
        finally
        {
            foreach (var response in pending.Values)
            {
                response.TrySetException(new IOException("The language server closed its output."));
            }
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        var hasId = message.TryGetPropertyValue("id", out var id) && id is not null;
        var method = message["method"]?.GetValue<string>();

        if (hasId && method is null)
        {
            if (pending.TryRemove(id!.GetValue<int>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException($"The language server returned an error: {error.ToJsonString()}"));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        if (hasId)
        {
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = AnswerServerRequest(method!, message["params"]) });
        }
    }

    private static JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }

        // csharp-ls reads its "csharp" section here. Analyzers are off by default, and SymmetryDsl ships analyzers.
        var items = parameters?["items"]?.AsArray().Count ?? 1;
        var sections = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            sections.Add(new JsonObject { ["analyzersEnabled"] = true });
        }

        return sections;
    }

    private static async Task<JsonObject?> ReadMessageAsync(Stream output)
    {
        var contentLength = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(output);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            const string prefix = "Content-Length:";
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan(prefix.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (contentLength < 0)
        {
            throw new InvalidDataException("A language server message has no Content-Length header.");
        }

        var body = new byte[contentLength];
        await output.ReadExactlyAsync(body);
        return JsonNode.Parse(body)?.AsObject();
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream output)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(buffer) == 0)
            {
                return null;
            }

            if (buffer[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)buffer[0]);
        }
    }
}
