namespace Katas.GpuAndCheckpoints;

/// <summary>Writing a file so that readers see the old content or the new one, never half of the new one.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream to a temporary file beside <paramref name="path"/>
    /// and renames that file to <paramref name="path"/> only when <paramref name="write"/> has finished.
    /// If <paramref name="write"/> throws, the temporary file is deleted, the exception goes to the
    /// caller and whatever was at <paramref name="path"/> before is still there. The folder of
    /// <paramref name="path"/> is created if it does not exist.
    /// </summary>
    /// <param name="path">The file to write; replaced as a whole at the end.</param>
    /// <param name="write">Writes the content; it must not close the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="write"/> is null.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        // TODO 6 — a reader (or the next run) must find the old file or the new one, never half of the
        //  new one. The file system offers one step that happens all at once: a rename within one
        //  folder. Everything before it may fail; whatever it leaves must not stay behind, and the
        //  caller must still learn that the save failed.
        throw new NotImplementedException("TODO 6: write AtomicFile.Write (a temporary file, then a rename). See README step 6.");
    }
}
