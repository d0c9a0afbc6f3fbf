namespace SymmetryDsl.Samples;

/// <summary>
/// A one-line progress display on standard error, redrawn in place with a carriage return. It draws only when
/// standard error is a terminal, so redirected output and the tests' writers receive no progress text.
/// </summary>
internal sealed class ProgressLine
{
    private readonly TextWriter? _writer;
    private int _lastLength;

    private ProgressLine(TextWriter? writer) => _writer = writer;

    /// <summary>A display that draws nothing.</summary>
    public static ProgressLine Silent { get; } = new(null);

    /// <summary>Returns a display on <paramref name="error"/> when it is the console's standard error on a terminal, and <see cref="Silent"/> otherwise.</summary>
    public static ProgressLine For(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProgressLine(error) : Silent;

    /// <summary>Replaces the displayed line with <paramref name="text"/>.</summary>
    public void Show(string text)
    {
        if (_writer is null)
        {
            return;
        }

        // Padding to the previous length erases the tail of a longer earlier line.
        _writer.Write('\r' + text.PadRight(_lastLength));
        _writer.Flush();
        _lastLength = text.Length;
    }

    /// <summary>Erases the displayed line, so that the results print from the start of a clean line.</summary>
    public void Clear()
    {
        if (_writer is null || _lastLength == 0)
        {
            return;
        }

        _writer.Write('\r' + new string(' ', _lastLength) + '\r');
        _writer.Flush();
        _lastLength = 0;
    }
}
