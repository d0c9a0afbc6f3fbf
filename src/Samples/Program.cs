Console.WriteLine("SymmetryDsl samples");
