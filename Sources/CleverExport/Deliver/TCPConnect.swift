import Foundation

/// Opens a TCP connection to `host`:`port`, giving up after `timeout` seconds per address.
/// Returns a blocking socket; the caller closes it.
func connectTCP(host: String, port: Int, timeout: Double) throws -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var addresses: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &addresses)
    guard status == 0, let first = addresses else {
        throw DeliveryError("cannot find the address of \(host): \(String(cString: gai_strerror(status)))",
                            transient: status == EAI_AGAIN)
    }
    defer { freeaddrinfo(addresses) }
    var lastError: Int32 = 0
    var next: UnsafeMutablePointer<addrinfo>? = first
    while let address = next {
        next = address.pointee.ai_next
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0 else { lastError = errno; continue }
        // Non-blocking only while connecting, so that poll() can bound the wait.
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        lastError = 0
        if connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
            lastError = errno
            if lastError == EINPROGRESS {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&waiting, 1, Int32(timeout * 1000)) <= 0 {
                    lastError = ETIMEDOUT
                } else {
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &lastError, &length)
                }
            }
        }
        if lastError == 0 {
            _ = fcntl(descriptor, F_SETFL, flags)
            return descriptor
        }
        close(descriptor)
    }
    throw DeliveryError("cannot connect to \(host) port \(port): \(String(cString: strerror(lastError)))", transient: true)
}
