namespace Katas.Kit;

/// <summary>
/// The zip format's record signatures and fixed sizes (PKWARE's APPNOTE.TXT), for the writer of
/// stored entries (<see cref="StoredZipWriter"/>) and the reader that locates their data
/// (<see cref="StoredEntryOffsets"/>).
/// </summary>
internal static class ZipRecords
{
    public const uint LocalHeader = 0x04034b50, CentralHeader = 0x02014b50, DataDescriptor = 0x08074b50;
    public const uint EndOfDirectory = 0x06054b50, Zip64EndOfDirectory = 0x06064b50, Zip64Locator = 0x07064b50;

    /// <summary>The extra field holding the 64-bit sizes and offset.</summary>
    public const ushort Zip64Tag = 0x0001;

    /// <summary>Bytes before a record's variable parts (names, extra fields, comments).</summary>
    public const int LocalHeaderBytes = 30, CentralHeaderBytes = 46, EndOfDirectoryBytes = 22, Zip64LocatorBytes = 20, Zip64EndOfDirectoryBytes = 56;
}
