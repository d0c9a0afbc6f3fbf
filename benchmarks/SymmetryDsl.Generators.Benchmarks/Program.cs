using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SymmetryDsl.Generators.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
