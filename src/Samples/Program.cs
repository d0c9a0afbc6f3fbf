using SymmetryDsl.Samples;

return SampleCommandLine.Run(args, Console.Out, Console.Error);
