import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange on its own TCP connection (`Connection: close`), on a thread of its
/// own so many can block at once: the tests see exactly what the server does to each connection.
enum RawHTTP {
    struct Answer: Sendable {
        let status: Int
        let body: Data
        /// The body as a JSON object, if it is one.
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        /// The envelope's `code`.
        var code: Int? { json?["code"] as? Int }
    }

    enum Failure: Error, Equatable {
        /// `connect` failed with this errno (ECONNREFUSED once the server stopped listening).
        case connect(Int32)
        /// The connection closed before a whole answer arrived.
        case incomplete(String)
    }

    /// Opens a TCP connection to 127.0.0.1:`port`.
    static func connect(port: Int) throws(Failure) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let error = errno
            close(fd)
            throw .connect(error)
        }
        return fd
    }

    /// Sends the request on a new connection and reads the answer until the server closes it.
    static func exchange(
        port: Int, method: String, path: String, headers: [String: String] = [:], body: String? = nil
    ) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let fd = try connect(port: port)
                    defer { close(fd) }
                    try send(fd, request(method: method, path: path, headers: headers, body: body))
                    return try read(fd)
                })
            }
        }
    }

    /// The bytes of a request.
    static func request(method: String, path: String, headers: [String: String], body: String?) -> [UInt8] {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        return Array(text.utf8)
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { throw .incomplete("send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Reads until EOF and parses the answer; a missing or short body is ``Failure/incomplete(_:)``.
    static func read(_ fd: Int32) throws(Failure) -> Answer {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .incomplete("recv failed: errno \(errno) after \(data.count) bytes")
            }
            data += buffer[0..<count]
        }
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = data.firstRange(of: separator) else {
            throw .incomplete("no head in \(data.count) bytes")
        }
        let head = String(decoding: data[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw .incomplete("no status line")
        }
        var body = Array(data[headEnd.upperBound...])
        let fields = head.dropFirst().map { $0.lowercased() }
        if let length = fields.first(where: { $0.hasPrefix("content-length:") })
            .flatMap({ Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) })
        {
            guard body.count == length else { throw .incomplete("body of \(body.count) bytes, Content-Length \(length)") }
        } else if fields.contains(where: { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }) {
            body = try dechunk(body)
        }
        return Answer(status: status, body: Data(body))
    }

    /// A chunked body, which must end with its last chunk.
    static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var result = [UInt8]()
        var index = 0
        let crlf: [UInt8] = [13, 10]
        while true {
            guard let lineEnd = bytes[index...].firstRange(of: crlf),
                let size = Int(String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
                    .split(separator: ";").first ?? "", radix: 16)
            else { throw .incomplete("bad chunk") }
            index = lineEnd.upperBound
            if size == 0 { return result }
            guard index + size <= bytes.count else { throw .incomplete("short chunk") }
            result += bytes[index..<index + size]
            index += size + 2
        }
    }
}

/// The calls the tests make, as the tenant's app.
struct HireCalls: Sendable {
    let port: Int
    var token = ""

    init(port: Int) async throws {
        self.port = port
        let answer = try await RawHTTP.exchange(
            port: port, method: "POST", path: "/open-apis/auth/v3/tenant_access_token/internal",
            body: #"{"app_id":"\#(ProcessTestData.appID)","app_secret":"\#(ProcessTestData.appSecret)"}"#)
        guard let token = answer.json?["tenant_access_token"] as? String else {
            throw ServerProcessError("no token: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        self.token = token
    }

    /// `PATCH /open-apis/hire/v1/interviewers/:user_id`; acknowledged when HTTP 200 and code 0.
    func patch(_ userID: String, verifyStatus: Int) async throws -> RawHTTP.Answer {
        try await RawHTTP.exchange(
            port: port, method: "PATCH", path: "/open-apis/hire/v1/interviewers/\(userID)?user_id_type=user_id",
            headers: ["Authorization": "Bearer \(token)"], body: #"{"interviewer":{"verify_status":\#(verifyStatus)}}"#)
    }

    /// Every interviewer's verify_status, by user_id, through the list endpoint's pages.
    func statuses() async throws -> [String: Int] {
        var result: [String: Int] = [:]
        var pageToken: String?
        repeat {
            var path = "/open-apis/hire/v1/interviewers?user_id_type=user_id&page_size=100"
            if let pageToken { path += "&page_token=\(pageToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            let answer = try await RawHTTP.exchange(
                port: port, method: "GET", path: path, headers: ["Authorization": "Bearer \(token)"])
            guard answer.status == 200, answer.code == 0, let data = answer.json?["data"] as? [String: Any] else {
                throw ServerProcessError("list failed: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
            }
            for item in data["items"] as? [[String: Any]] ?? [] {
                if let id = item["user_id"] as? String, let status = item["verify_status"] as? Int { result[id] = status }
            }
            pageToken = (data["has_more"] as? Bool == true) ? data["page_token"] as? String : nil
        } while pageToken != nil
        return result
    }
}
