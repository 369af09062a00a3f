import Foundation
import Hummingbird

/// A rendered HTML page. It carries an ETag, so a browser that already has this version gets 304.
struct HTML: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Body(bytes: html, contentType: "text/html; charset=utf-8", status: status).response(from: request, context: context)
    }
}

/// A response body of any type with an ETag computed from its bytes, and conditional GET handled.
struct Body: ResponseGenerator {
    let bytes: String
    let contentType: String
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        // Only what GET reads is fingerprinted and shareable: the answer to a change is for whoever made it.
        guard status == .ok, request.method == .get || request.method == .head else {
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: bytes)))
        }
        let tag = "\"" + fingerprint(bytes) + "\""
        headers[.eTag] = tag
        if headers[.cacheControl] == nil { headers[.cacheControl] = "public, max-age=60" }
        if request.hasCopy(tagged: tag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: bytes)))
    }
}

/// A cheap, stable 64-bit fingerprint in hex, of a response for its ETag or of a record for its edit version (not for
/// security): FNV-1a's step taken over 8-byte words, then the last bytes one by one. A page is tens of kilobytes,
/// hashed on every uncached request, and byte by byte that cost a few per cent of a list page's CPU.
func fingerprint(_ text: String) -> String {
    var text = text
    let hash = text.withUTF8 { bytes in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let raw = UnsafeRawBufferPointer(bytes)
        let words = raw.count / 8
        for word in 0..<words {
            hash ^= raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
            hash = (hash &* 0x100_0000_01b3) ^ (hash >> 29)
        }
        for byte in raw[(words * 8)...] {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
    return String(hash, radix: 16)
}

extension Request {
    /// Whether the browser says it already holds the version with this ETag (If-None-Match).
    func hasCopy(tagged tag: String) -> Bool {
        guard let wanted = headers[.ifNoneMatch] else { return false }
        return wanted == "*" || wanted.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag }
    }
}
