namespace Katas.GpuAndCheckpoints;

/// <summary>Writing a file so that readers see the old content or the new one, never half of the new one.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream to a temporary file beside <paramref name="path"/>
    /// and renames that file to <paramref name="path"/> only when <paramref name="write"/> has finished.
    /// If <paramref name="write"/> throws, the temporary file is deleted, the exception goes to the
    /// caller and whatever was at <paramref name="path"/> before is still there.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        // TODO 6 — temp file + rename:
        //  - The temporary file goes in the SAME folder as path (a rename within one file system is
        //    atomic; across file systems it is a copy): e.g. path + "." + Guid.NewGuid().ToString("N") + ".tmp".
        //    Create the folder first if it does not exist (Directory.CreateDirectory).
        //  (the code itself: hint level 3)
        //  - File.Move(temp, path, overwrite: true)   // the moment the new content appears, all at once
        //  - try/catch: on any exception delete the temporary file, then rethrow (throw;).
        throw new NotImplementedException("TODO 6: write AtomicFile.Write (a temporary file, then a rename). See README step 6.");
    }
}
