import Glibc

/// The one place every socket system call goes through.
///
/// Rules (after SwiftNIO's `syscall(blocking:where:_:)`):
/// - `EINTR` is retried: a signal arriving mid-call is not an error.
/// - `EAGAIN`/`EWOULDBLOCK` become `nil`: on a non-blocking socket they mean "try again when readable/writable".
/// - anything else throws ``SocketError/failed(call:errno:)`` naming the call.
enum Syscall {
    /// Runs `body` until it stops failing with `EINTR`.
    /// - Returns: the non-negative result, or `nil` for `EAGAIN`/`EWOULDBLOCK`.
    /// - Throws: ``SocketError/failed(call:errno:)`` for any other `errno`.
    @inline(__always)
    static func call<Result: FixedWidthInteger>(
        _ name: StaticString, _ body: () -> Result
    ) throws(SocketError) -> Result? {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return nil }
            throw .failed(call: name.description, errno: code)
        }
    }

    /// Like ``call(_:_:)`` for calls where `EAGAIN` cannot happen (socket, bind, listen, setsockopt).
    @inline(__always)
    @discardableResult
    static func require<Result: FixedWidthInteger>(
        _ name: StaticString, _ body: () -> Result
    ) throws(SocketError) -> Result {
        guard let result = try call(name, body) else { throw .failed(call: name.description, errno: EAGAIN) }
        return result
    }

    /// Closes a descriptor. Not retried on `EINTR`: on Linux the descriptor is released even then,
    /// and a retry could close a descriptor another thread has just been given.
    @inline(__always)
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
