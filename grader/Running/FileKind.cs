using Katas.Grader.Layout;
using System.Runtime.InteropServices;

namespace Katas.Grader.Running;

/// <summary>
/// What a path is on disk, without following links (lstat(2)), and how many names the file has.
/// .NET tells links from other files but not a device, socket or pipe from a regular file, nor a
/// file's link count; libc's lstat does. Linux x64 and arm64 (the platforms libtorch ships for);
/// elsewhere, what .NET can tell.
/// </summary>
internal static partial class FileKind
{
    public enum Kind { Regular, Directory, SymbolicLink, CharacterDevice, BlockDevice, Pipe, Socket, Missing }

    public static string Describe(Kind kind) => kind switch
    {
        Kind.CharacterDevice or Kind.BlockDevice => "device",
        Kind.Pipe => "named pipe",
        Kind.Socket => "socket",
        Kind.SymbolicLink => "symbolic link",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static Kind Of(string path)
    {
        if (Stat(path) is { } st)
            return (st.Mode & 0xF000) switch
            {
                0x8000 => Kind.Regular, 0x4000 => Kind.Directory, 0xA000 => Kind.SymbolicLink, 0x2000 => Kind.CharacterDevice,
                0x6000 => Kind.BlockDevice, 0x1000 => Kind.Pipe, 0xC000 => Kind.Socket, _ => Kind.Missing,
            };
        var info = new FileInfo(path);
        return info.LinkTarget is not null ? Kind.SymbolicLink : Directory.Exists(path) ? Kind.Directory : info.Exists ? Kind.Regular : Kind.Missing;
    }

    /// <summary>The file's number of hard links (1 where it cannot be told).</summary>
    public static long Links(string path) => Stat(path)?.Links ?? 1;

    static (uint Mode, long Links)? Stat(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        if (lstat(path, buffer) != 0) return null;
        // struct stat: x86-64 has st_nlink (8 bytes) at 16 and st_mode at 24; the generic layout
        // (arm64) has st_mode at 16 and st_nlink (4 bytes) at 20.
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (BitConverter.ToUInt32(buffer, 24), BitConverter.ToInt64(buffer, 16)),
            Architecture.Arm64 => (BitConverter.ToUInt32(buffer, 16), BitConverter.ToUInt32(buffer, 20)),
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lstat(string path, [Out] byte[] buffer);
}
