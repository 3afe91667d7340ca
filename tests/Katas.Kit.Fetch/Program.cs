// Usage: Katas.Kit.Fetch MANIFEST.json DATASET CACHE_DIR MIRROR
// Exit code 0 and the dataset folder on stdout when the files are in the cache and verified;
// exit code 1 and the error message on stderr otherwise.
using Katas.Kit.Data;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Katas.Kit.Fetch MANIFEST.json DATASET CACHE_DIR MIRROR");
    return 2;
}
try
{
    var manifest = DatasetManifest.Parse(File.ReadAllText(args[0]));
    var cache = new DatasetCache(args[2], [args[3]], manifest) { Log = _ => { } };
    Console.WriteLine(cache.Ensure(args[1]));
    return 0;
}
catch (DatasetException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
