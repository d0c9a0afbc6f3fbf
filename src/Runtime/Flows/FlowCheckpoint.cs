using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SymmetryDsl.Flows;

/// <summary>
/// Binary checkpoint of a flow run: everything the integrator needs to continue bit for bit, and the recorded
/// history.
/// </summary>
/// <remarks>
/// Layout, all little-endian, in this order:
/// <list type="number">
/// <item>the 8-byte magic "SYMFLOW1", int32 format version, int64 total length in bytes including the checksum;</item>
/// <item>int32 method, int32 parameter count N;</item>
/// <item>doubles time, step size, last step size, energy, gradient norm;</item>
/// <item>int64 accepted steps, rejected steps, gradient evaluations;</item>
/// <item>double fixed-step origin, int64 fixed steps since the origin, byte 1 if the last adaptive attempt was rejected;</item>
/// <item>doubles record interval and next record time;</item>
/// <item>N doubles θ, N doubles ∇L(θ);</item>
/// <item>int32 record count R, then R records of time, energy, gradient norm and N doubles of state;</item>
/// <item>the 64-bit FNV-1a hash of every preceding byte.</item>
/// </list>
/// </remarks>
internal sealed class FlowCheckpoint
{
    private const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 8;
    private static ReadOnlySpan<byte> Magic => "SYMFLOW1"u8;

    private FlowCheckpoint(FlowHistory history) => History = history;

    public FlowMethod Method { get; private init; }

    public int ParameterCount { get; private init; }

    public double Time { get; private init; }

    public double StepSize { get; private init; }

    public FlowHistory History { get; }

    /// <summary>Record interval of the run that wrote the checkpoint.</summary>
    public double RecordInterval { get; private init; }

    /// <summary>Time at or after which that run would have recorded its next state.</summary>
    public double NextRecordTime { get; private init; }

    private double LastStepSize { get; init; }

    private double Energy { get; init; }

    private double GradientNorm { get; init; }

    private long AcceptedSteps { get; init; }

    private long RejectedSteps { get; init; }

    private long GradientEvaluations { get; init; }

    private double StepOrigin { get; init; }

    private long StepsSinceOrigin { get; init; }

    private bool LastAttemptRejected { get; init; }

    private double[] Coordinates { get; init; } = [];

    private double[] Gradient { get; init; } = [];

    /// <summary>Overwrites the stream from <paramref name="origin"/> with a checkpoint of the current state and truncates it there.</summary>
    public static void Write(Stream stream, long origin, FlowIntegrator integrator, FlowHistory history,
        double recordInterval, double nextRecordTime)
    {
        int n = integrator.ParameterCount;
        long length = HeaderLength + 4 + 4 + 8 * 8 + 4 * 8 + 1 + 2L * n * 8 + 4 + history.Count * (3 * 8 + (long)n * 8) + 8;
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"A checkpoint of {n} parameters with {history.Count} recorded states needs {length} bytes, more than one buffer holds; record less often.");
        }

        var buffer = new byte[length];
        var writer = new SpanWriter(buffer);
        writer.Bytes(Magic);
        writer.Int32(FormatVersion);
        writer.Int64(length);
        writer.Int32((int)integrator.Method);
        writer.Int32(n);
        writer.Double(integrator.Time);
        writer.Double(integrator.StepSize);
        writer.Double(integrator.LastStepSize);
        writer.Double(integrator.Energy);
        writer.Double(integrator.GradientNorm);
        writer.Int64(integrator.AcceptedSteps);
        writer.Int64(integrator.RejectedSteps);
        writer.Int64(integrator.GradientEvaluations);
        writer.Double(integrator.StepOrigin);
        writer.Int64(integrator.StepsSinceOrigin);
        writer.Byte(integrator.LastAttemptRejected ? (byte)1 : (byte)0);
        writer.Double(recordInterval);
        writer.Double(nextRecordTime);
        writer.Doubles(integrator.Coordinates);
        writer.Doubles(integrator.Gradient);
        writer.Int32(history.Count);
        for (int r = 0; r < history.Count; r++)
        {
            writer.Double(history.Times[r]);
            writer.Double(history.Energies[r]);
            writer.Double(history.GradientNorms[r]);
            writer.Doubles(history.States[r]);
        }

        writer.UInt64(Fnv1a(buffer.AsSpan(0, (int)length - 8)));

        stream.Position = origin;
        stream.Write(buffer);
        stream.SetLength(origin + length);
        stream.Flush();
    }

    /// <summary>Reads a checkpoint from the current position of <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a checkpoint, has an unknown version, is truncated or fails its checksum.</exception>
    public static FlowCheckpoint Read(Stream stream)
    {
        var header = new byte[HeaderLength];
        int headerRead = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (headerRead >= Magic.Length && !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException(
                $"The stream is not a flow checkpoint: it starts with \"{Encoding.ASCII.GetString(header, 0, Magic.Length)}\" instead of \"SYMFLOW1\".");
        }

        if (headerRead < HeaderLength)
        {
            throw Truncated(HeaderLength, headerRead);
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != FormatVersion)
        {
            throw new InvalidDataException(
                $"The flow checkpoint has format version {version}; this library reads version {FormatVersion}.");
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(12));
        if (length < HeaderLength + 8 || length > Array.MaxLength)
        {
            throw new InvalidDataException($"The flow checkpoint declares an invalid length of {length} bytes.");
        }

        var buffer = new byte[length];
        header.CopyTo(buffer, 0);
        int bodyRead = stream.ReadAtLeast(buffer.AsSpan(HeaderLength), (int)length - HeaderLength, throwOnEndOfStream: false);
        if (bodyRead < length - HeaderLength)
        {
            throw Truncated(length, HeaderLength + bodyRead);
        }

        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan((int)length - 8));
        ulong computed = Fnv1a(buffer.AsSpan(0, (int)length - 8));
        if (stored != computed)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The flow checkpoint is corrupt: its checksum is {stored:X16} but its contents hash to {computed:X16}."));
        }

        return Parse(buffer, length);
    }

    /// <summary>Loads the saved state into an integrator built for the same method and parameter count.</summary>
    public void RestoreInto(FlowIntegrator integrator)
    {
        integrator.Restore(Coordinates, Gradient);
        integrator.Time = Time;
        integrator.StepSize = StepSize;
        integrator.LastStepSize = LastStepSize;
        integrator.Energy = Energy;
        integrator.GradientNorm = GradientNorm;
        integrator.AcceptedSteps = AcceptedSteps;
        integrator.RejectedSteps = RejectedSteps;
        integrator.GradientEvaluations = GradientEvaluations;
        integrator.StepOrigin = StepOrigin;
        integrator.StepsSinceOrigin = StepsSinceOrigin;
        integrator.LastAttemptRejected = LastAttemptRejected;
    }

    private static FlowCheckpoint Parse(byte[] buffer, long length)
    {
        var reader = new SpanReader(buffer, HeaderLength, (int)length - 8);
        int method = reader.Int32();
        int n = reader.Int32();
        if (!Enum.IsDefined((FlowMethod)method) || n < 0)
        {
            throw new InvalidDataException($"The flow checkpoint has an invalid method {method} or parameter count {n}.");
        }

        double time = reader.Double();
        double stepSize = reader.Double();
        double lastStepSize = reader.Double();
        double energy = reader.Double();
        double gradientNorm = reader.Double();
        long accepted = reader.Int64();
        long rejected = reader.Int64();
        long evaluations = reader.Int64();
        double stepOrigin = reader.Double();
        long stepsSinceOrigin = reader.Int64();
        bool lastRejected = reader.Byte() != 0;
        double recordInterval = reader.Double();
        double nextRecordTime = reader.Double();
        var coordinates = reader.Doubles(n);
        var gradient = reader.Doubles(n);
        int records = reader.Int32();
        if (records < 1)
        {
            throw new InvalidDataException($"The flow checkpoint has {records} recorded states; it needs at least the initial one.");
        }

        var history = new FlowHistory();
        for (int r = 0; r < records; r++)
        {
            double recordTime = reader.Double();
            double recordEnergy = reader.Double();
            double recordNorm = reader.Double();
            history.Add(recordTime, recordEnergy, recordNorm, reader.Doubles(n));
        }

        reader.ExpectEnd();
        return new FlowCheckpoint(history)
        {
            Method = (FlowMethod)method,
            ParameterCount = n,
            Time = time,
            StepSize = stepSize,
            LastStepSize = lastStepSize,
            Energy = energy,
            GradientNorm = gradientNorm,
            AcceptedSteps = accepted,
            RejectedSteps = rejected,
            GradientEvaluations = evaluations,
            StepOrigin = stepOrigin,
            StepsSinceOrigin = stepsSinceOrigin,
            LastAttemptRejected = lastRejected,
            RecordInterval = recordInterval,
            NextRecordTime = nextRecordTime,
            Coordinates = coordinates,
            Gradient = gradient,
        };
    }

    private static InvalidDataException Truncated(long expected, long found) =>
        new($"The flow checkpoint is truncated: it needs {expected} bytes but the stream ends after {found}.");

    /// <summary>64-bit FNV-1a hash (Fowler, Noll and Vo), enough to detect accidental corruption.</summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in data)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> buffer = buffer;
        private int position;

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(buffer[position..]);
            position += value.Length;
        }

        public void Byte(byte value) => buffer[position++] = value;

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer[position..], value);
            position += 4;
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer[position..], value);
            position += 8;
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[position..], value);
            position += 8;
        }

        public void Double(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[position..], value);
            position += 8;
        }

        public void Doubles(ReadOnlySpan<double> values)
        {
            foreach (double value in values)
            {
                Double(value);
            }
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> buffer, int start, int end)
    {
        private readonly ReadOnlySpan<byte> buffer = buffer;
        private int position = start;

        public byte Byte()
        {
            Require(1);
            return buffer[position++];
        }

        public int Int32()
        {
            Require(4);
            int value = BinaryPrimitives.ReadInt32LittleEndian(buffer[position..]);
            position += 4;
            return value;
        }

        public long Int64()
        {
            Require(8);
            long value = BinaryPrimitives.ReadInt64LittleEndian(buffer[position..]);
            position += 8;
            return value;
        }

        public double Double()
        {
            Require(8);
            double value = BinaryPrimitives.ReadDoubleLittleEndian(buffer[position..]);
            position += 8;
            return value;
        }

        public double[] Doubles(int count)
        {
            Require((long)count * 8);
            var values = new double[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = Double();
            }

            return values;
        }

        public readonly void ExpectEnd()
        {
            if (position != end)
            {
                throw new InvalidDataException(
                    $"The flow checkpoint's contents end at byte {position} but its declared length leaves {end - position} more bytes.");
            }
        }

        private readonly void Require(long count)
        {
            if (position + count > end)
            {
                throw new InvalidDataException(
                    $"The flow checkpoint's contents are inconsistent: reading {count} bytes at offset {position} passes its end at {end}.");
            }
        }
    }
}
