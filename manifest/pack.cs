#!/usr/bin/env -S dotnet run
#:include tool/PackageSettings.cs
#:include tool/ManifestTemplate.cs
#:include tool/PngEncoder.cs
#:include tool/IconArt.cs
#:include tool/AppPackage.cs
#:include tool/PackCommand.cs

// Fills the manifest placeholders and writes the Teams app zip; see manifest/README.md.
var manifestDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string
    ?? throw new InvalidOperationException("Run this file with `dotnet run manifest/pack.cs`.");
return ChatOpsBot.Manifest.PackCommand.Run(args, manifestDirectory, Console.Out, Console.Error);
