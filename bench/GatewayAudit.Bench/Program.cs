Console.WriteLine("bench: not yet");
