using System.Diagnostics;
using System.Text;

namespace SymmetryDsl.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> command: its exit code and its standard output and error interleaved.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public override string ToString() => $"$ {CommandLine}\nexit code {ExitCode}\n{Output}";
}

/// <summary>Runs the real <c>dotnet</c> executable in a child process, as a user's shell would.</summary>
internal static class DotNetCli
{
    // A guard against a hung build, not a performance bound: a cold restore and build take well under a minute.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Arguments added to every build so that no MSBuild node or compiler server outlives the command: such
    /// servers would keep the output pipes open and stay behind on the machine after the test.
    /// </summary>
    public static readonly string[] NoBuildServers = ["-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off"];

    /// <summary>Runs <c>dotnet</c> with the arguments in the working directory and returns its exit code and output.</summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var commandLine = "dotnet " + string.Join(' ', arguments);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' in {workingDirectory} did not finish within {Timeout}; output so far:\n{output}");
        }

        // The parameterless overload waits until both output streams reach end of file.
        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(commandLine, process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
