using BenchmarkDotNet.Running;
using SymmetryDsl.Benchmarks;

// `export-inputs DIR` writes the inputs for compare_peers.py; anything else goes to BenchmarkDotNet.
if (args is ["export-inputs", var directory])
{
    InputExport.Run(directory);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
