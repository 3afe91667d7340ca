namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>A stream that fails after a number of bytes: a full disk, a crash, a pulled cable.</summary>
internal sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
{
    long _written;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > failAfterBytes)
            throw new IOException($"simulated failure after {failAfterBytes} bytes (the disk is full)");
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
